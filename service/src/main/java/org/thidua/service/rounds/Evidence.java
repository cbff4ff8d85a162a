package org.thidua.service.rounds;

import java.time.LocalDate;

/**
 * A document a unit cites for a criterion: số (number), ký hiệu (symbol), ngày (issued on), trích yếu (summary),
 * and where to read it, when it is online.
 *
 * @param link {@code null} when the document is not online
 */
public record Evidence(String criterion, String number, String symbol, LocalDate issuedOn, String summary, String link) {
}
