package com.cruddur.messaging.bootstrap.architecture.planted.adapters.lambda;

import com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.PlantedTable;

/** Violation: outside its wiring package the Lambda adapter may not use adapters-dynamodb. */
public final class HandlerReadsTable {

    public Object handle(PlantedTable table) {
        return table.get("MSG#");
    }
}
