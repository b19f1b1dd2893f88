/**
 * Planted violations of the module rules, one small class each, in packages mirroring the real modules
 * ({@code domain}, {@code application}, {@code adapters.*}, {@code bootstrap}) so the same rules can be checked
 * against them. The {@code Allowed*} classes use exactly what a rule allows and must never be reported.
 */
package com.cruddur.messaging.bootstrap.architecture.planted;
