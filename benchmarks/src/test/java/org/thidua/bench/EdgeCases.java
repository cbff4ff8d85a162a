package org.thidua.bench;

import java.util.List;
import java.util.function.Function;

import org.thidua.core.CommuneOfficials;
import org.thidua.core.Dossiers;
import org.thidua.core.Satisfaction;
import org.thidua.core.StaffTraining;
import org.thidua.core.Unit;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/** Units the generator seldom or never makes: empty periods, huge counts, rounding at the target, no data at all. */
final class EdgeCases {
    private EdgeCases() {
    }

    static List<UnitReport> reports() {
        Function<String, UnitReport> commune = id -> UnitReport.of(new Unit(id, "UBND xã " + id, UnitKind.COMMUNE));
        long max = Integer.MAX_VALUE;
        return List.of(
                commune.apply("empty").withSatisfaction(new Satisfaction(0, 0)).withDossiers(new Dossiers(0, 0, 0, 0))
                        .withFrontlineStaff(new StaffTraining(0, 0)).withCommuneOfficials(new CommuneOfficials(0, 0)),
                commune.apply("huge").withSatisfaction(new Satisfaction(max, max - 1))
                        .withDossiers(new Dossiers(max, max, max, max)).withFrontlineStaff(new StaffTraining(max, max - 7)),
                commune.apply("one-late-in-100k").withDossiers(new Dossiers(50_000, 49_999, 1, 0)).withPortalPage(false),
                commune.apply("thirds").withSatisfaction(new Satisfaction(3, 2)).withFrontlineStaff(new StaffTraining(3, 1))
                        .withCommuneOfficials(new CommuneOfficials(6, 5)).withPortalPage(true),
                commune.apply("exactly-95").withSatisfaction(new Satisfaction(20, 19)),
                UnitReport.of(new Unit("agency", "Phòng Nội vụ", UnitKind.AGENCY)).withPortalPage(true)
                        .withCommuneOfficials(new CommuneOfficials(1, 0)),
                UnitReport.of(new Unit("nothing", "Phòng Y tế", UnitKind.AGENCY)));
    }
}
