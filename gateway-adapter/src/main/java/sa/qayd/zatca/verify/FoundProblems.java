package sa.qayd.zatca.verify;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while the checks run. */
final class FoundProblems {

    private final List<Problem> list = new ArrayList<>();

    void add(ProblemCode code, String detail) {
        list.add(new Problem(code, detail));
    }

    /** Records a missing element and returns false, for {@code if (present(...))} guards. */
    boolean present(Object value, String what) {
        if (value == null) {
            add(ProblemCode.MISSING_ELEMENT, what + " is missing");
            return false;
        }
        return true;
    }

    List<Problem> list() {
        return list;
    }
}
