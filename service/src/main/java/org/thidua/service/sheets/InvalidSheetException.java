package org.thidua.service.sheets;

import java.util.List;

import org.thidua.core.InputProblem;
import org.thidua.core.InvalidInputException;

/**
 * A sheet refused whole: every bad cell by row and column. It is an {@link InvalidInputException} whose problems'
 * paths are the places in words ("dòng 5, cột «Số phiếu hài lòng»"), so whatever reports refused JSON reports a
 * refused sheet too; {@link #cellProblems()} keeps row and column apart for a caller that wants them.
 */
public class InvalidSheetException extends InvalidInputException {
    private final transient List<CellProblem> cellProblems;

    public InvalidSheetException(List<CellProblem> problems) {
        super(problems.stream().map(p -> new InputProblem(p.where(), p.message())).toList());
        this.cellProblems = List.copyOf(problems);
    }

    public List<CellProblem> cellProblems() {
        return cellProblems;
    }
}
