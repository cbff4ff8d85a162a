package org.thidua.service.store;

/** The evaluation history could not be read or written. The service answers 500 with an error id. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A read that failed on {@code cause}, which the message quotes. */
    static StoreException readFailed(Throwable cause) {
        return new StoreException("Đọc cơ sở dữ liệu thất bại (database read failed): " + cause.getMessage(), cause);
    }

    /** A write that failed on {@code cause}, which the message quotes: nothing of it is stored. */
    static StoreException writeFailed(Throwable cause) {
        return new StoreException("Ghi cơ sở dữ liệu thất bại (database write failed): " + cause.getMessage(), cause);
    }
}
