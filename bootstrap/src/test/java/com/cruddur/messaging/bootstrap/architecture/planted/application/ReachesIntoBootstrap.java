package com.cruddur.messaging.bootstrap.architecture.planted.application;

import com.cruddur.messaging.bootstrap.architecture.planted.bootstrap.PlantedConfiguration;

/**
 * Violation: the application depends on the composition root. (A call, not a constant: javac inlines
 * compile-time constants, so reading one leaves no trace in the bytecode for any rule to see.)
 */
public final class ReachesIntoBootstrap {

    public String profile() {
        return PlantedConfiguration.profile();
    }
}
