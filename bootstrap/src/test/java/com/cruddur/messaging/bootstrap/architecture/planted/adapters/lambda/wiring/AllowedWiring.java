package com.cruddur.messaging.bootstrap.architecture.planted.adapters.lambda.wiring;

import com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.PlantedTable;

/** An exemption: the Lambda's wiring builds the DynamoDB adapter. */
public final class AllowedWiring {

    public PlantedTable table() {
        return new PlantedTable();
    }
}
