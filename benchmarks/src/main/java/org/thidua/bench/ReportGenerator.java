package org.thidua.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.thidua.core.CommuneOfficials;
import org.thidua.core.Dossiers;
import org.thidua.core.Satisfaction;
import org.thidua.core.StaffTraining;
import org.thidua.core.Unit;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/**
 * Seeded, realistic unit reports for the 2021 campaign: mostly communes, a third agencies, some wards and towns;
 * outcomes spread so that every grade occurs; now and then a measure left out (no data), an empty survey or a
 * period without dossiers (vacuously met), dossiers still in progress past due. The same seed gives the same
 * reports, one after another, so a million can be written to a file without holding them.
 */
public final class ReportGenerator {
    private static final String[] NAMES = {"Bình Yên", "Tiến Xuân", "Yên Bình", "Thạch Hòa", "Hạ Bằng", "Đồng Trúc",
            "Cần Kiệm", "Phùng Xá", "Hương Ngải", "Canh Nậu", "Dị Nậu", "Kim Quan", "Lại Thượng", "Hữu Bằng"};
    private static final String[] OFFICES = {"Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch",
            "Phòng Tài nguyên và Môi trường", "Phòng Kinh tế", "Phòng Văn hóa và Thông tin", "Phòng Y tế"};

    private final SplittableRandom random;
    private int count;

    public ReportGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code n} reports from a seed. */
    public static List<UnitReport> generate(long seed, int n) {
        ReportGenerator generator = new ReportGenerator(seed);
        List<UnitReport> reports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reports.add(generator.next());
        }
        return reports;
    }

    public UnitReport next() {
        int number = ++count;
        int roll = random.nextInt(100);
        UnitKind kind = roll < 30 ? UnitKind.AGENCY : roll < 80 ? UnitKind.COMMUNE : roll < 90 ? UnitKind.WARD : UnitKind.TOWN;
        String place = NAMES[random.nextInt(NAMES.length)];
        String name = switch (kind) {
            case AGENCY -> OFFICES[random.nextInt(OFFICES.length)] + " " + number;
            case COMMUNE -> "UBND xã " + place + " " + number;
            case WARD -> "UBND phường " + place + " " + number;
            case TOWN -> "UBND thị trấn " + place + " " + number;
            case SPECIAL_ZONE -> "UBND đặc khu " + place + " " + number; // never drawn: the 2021 campaign has none
        };
        UnitReport report = UnitReport.of(new Unit(String.format("u%07d", number), name, kind));
        // A good unit meets most targets; a weak one misses most: grades spread over all four bands.
        double quality = random.nextDouble();
        if (present()) {
            report = report.withSatisfaction(satisfaction(quality));
        }
        if (present()) {
            report = report.withDossiers(dossiers(quality));
        }
        if (present()) {
            report = report.withFrontlineStaff(staff(quality));
        }
        if (kind.isCommuneLevel() ? present() : random.nextInt(100) < 5) {
            report = report.withCommuneOfficials(officials(quality));
        }
        if (kind.isCommuneLevel() ? present() : random.nextInt(100) < 5) {
            report = report.withPortalPage(random.nextDouble() < 0.3 + 0.7 * quality);
        }
        if (random.nextInt(100) < 40) {
            report = report.withIndicators(Map.of("digitizedShare", BigDecimal.valueOf(random.nextInt(10_001), 4)));
        }
        return report;
    }

    /** 95% of measures are reported. */
    private boolean present() {
        return random.nextInt(100) < 95;
    }

    private boolean meets(double quality) {
        return random.nextDouble() < 0.2 + 0.8 * quality;
    }

    private Satisfaction satisfaction(double quality) {
        if (random.nextInt(100) < 2) {
            return new Satisfaction(0, 0); // nobody surveyed: no data
        }
        int surveyed = 20 + random.nextInt(800);
        double share = meets(quality) ? 0.95 + 0.05 * random.nextDouble() : 0.75 + 0.2 * random.nextDouble();
        int satisfied = (int) Math.ceil(surveyed * share);
        return new Satisfaction(surveyed, Math.min(surveyed, satisfied));
    }

    private Dossiers dossiers(double quality) {
        if (random.nextInt(100) < 3) {
            return new Dossiers(0, 0, 0, 0); // no dossier in the period: nothing late
        }
        int early = random.nextInt(2_000);
        int onTime = random.nextInt(20_000);
        if (meets(quality)) {
            return new Dossiers(early, onTime, 0, 0);
        }
        int late = 1 + random.nextInt(40);
        int overdue = random.nextInt(100) < 30 ? 1 + random.nextInt(10) : 0;
        return new Dossiers(early, onTime, late, overdue);
    }

    private StaffTraining staff(double quality) {
        int total = random.nextInt(100) < 2 ? 0 : 1 + random.nextInt(40);
        int trained = meets(quality) || total == 0 ? total : random.nextInt(total);
        return new StaffTraining(total, trained);
    }

    private CommuneOfficials officials(double quality) {
        int total = random.nextInt(100) < 2 ? 0 : 5 + random.nextInt(30);
        int trained = meets(quality) || total == 0 ? total : random.nextInt(total);
        return new CommuneOfficials(total, trained);
    }
}
