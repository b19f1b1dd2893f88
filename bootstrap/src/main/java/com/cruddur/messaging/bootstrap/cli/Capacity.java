package com.cruddur.messaging.bootstrap.cli;

import java.math.BigDecimal;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** The capacity units a command's calls consumed, summed over every page, as DynamoDB reported them. */
final class Capacity {

    private double units;

    void add(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            units += consumed.capacityUnits();
        }
    }

    double units() {
        return units;
    }

    /** {@code consumed capacity: 0.5 RCU}. */
    String line(String unit) {
        return "consumed capacity: " + format(units) + " " + unit;
    }

    static String format(double units) {
        return BigDecimal.valueOf(units).stripTrailingZeros().toPlainString();
    }
}
