package com.cruddur.messaging.bootstrap.architecture.planted.bootstrap;

import com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.PlantedTable;
import com.cruddur.messaging.bootstrap.architecture.planted.adapters.web.WebReadsTable;
import com.cruddur.messaging.bootstrap.architecture.planted.application.AllowedUseCase;

/** Bootstrap may depend on everything. */
public final class PlantedConfiguration {

    public static String profile() {
        return "local";
    }

    public WebReadsTable webAdapter() {
        return new WebReadsTable(new AllowedUseCase(), new PlantedTable());
    }
}
