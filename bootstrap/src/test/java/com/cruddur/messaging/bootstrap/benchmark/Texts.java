package com.cruddur.messaging.bootstrap.benchmark;

/** Message texts of about 100 characters (as PatternCostReport's), JSON-safe, different per request. */
final class Texts {

    private static final String FILLER = "Meet at the usual place after the council session; bring the reports and the ";

    private Texts() {
    }

    static String text(long n) {
        return FILLER + "notes of day " + n + ".";
    }
}
