package org.thidua.service;

/** The evaluation history could not be read or written. The service answers 500 with an error id. */
final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
