package com.cruddur.messaging.bootstrap.architecture.planted.adapters.web;

import com.cruddur.messaging.bootstrap.architecture.planted.adapters.dynamodb.PlantedTable;
import com.cruddur.messaging.bootstrap.architecture.planted.application.AllowedUseCase;

/** Violation: the web adapter reads the table directly instead of through a use case. */
public final class WebReadsTable {

    private final AllowedUseCase useCase;
    private final PlantedTable table;

    public WebReadsTable(AllowedUseCase useCase, PlantedTable table) {
        this.useCase = useCase;
        this.table = table;
    }

    public Object handle() {
        return table.get(useCase.toString());
    }
}
