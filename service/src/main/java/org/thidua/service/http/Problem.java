package org.thidua.service.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An error answer, {@code application/problem+json} (RFC 9457), with every refused value and its path.
 *
 * @param type     what kind of problem: {@code urn:thidua:problem:<slug>}
 * @param instance the request path it happened on
 * @param problems each refused value: {@code {"path": "reports[3].satisfaction.satisfied", "message": …}}
 * @param errorId  for server errors only: the id the log line carries too
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errorId", "problems"})
public record Problem(String type, String title, int status, String detail, String instance, String errorId, List<Item> problems) {
    static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /**
     * One refused value.
     *
     * @param row    for a spreadsheet or record file: the row as Excel numbers it (0 for the file as a whole)
     * @param column for a spreadsheet or record file: the column's header as written, when the problem is in one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String path, String message, Integer row, String column) {
        Item(String path, String message) {
            this(path, message, null, null);
        }
    }
}
