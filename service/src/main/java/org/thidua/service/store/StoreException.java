package org.thidua.service.store;

/** The evaluation history could not be read or written. The service answers 500 with an error id. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
