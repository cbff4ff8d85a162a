package org.thidua.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.Status;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;
import org.thidua.core.VietnameseNumbers;

/**
 * The five criteria of the 2021 campaign written by hand in plain Java: the limit that the rules engine is
 * measured against. It produces the very results thidua does (statuses, figures, points, messages, score, grade,
 * rank; a test holds it to that), with exact integer arithmetic where thidua uses {@code BigDecimal}. Titles,
 * points, applicability and grade bands come from the campaign description, the conditions and messages are
 * coded here, as a programmer would write them without a rules engine.
 */
public final class PlainEvaluation {
    private static final int SATISFACTION = 0;
    private static final int ON_TIME = 1;
    private static final int STAFF = 2;
    private static final int OFFICIALS = 3;
    private static final int PORTAL = 4;
    private static final String[] IDS = {"SATISFACTION", "ON_TIME_DOSSIERS", "FRONTLINE_STAFF_TRAINING",
            "INDEX_AWARENESS_TRAINING", "PORTAL_PAGE"};
    private static final String[] RULES = {"criteria/satisfaction.drl: SATISFACTION", "criteria/on-time.drl: ON_TIME_DOSSIERS",
            "criteria/training.drl: FRONTLINE_STAFF_TRAINING", "criteria/training.drl: INDEX_AWARENESS_TRAINING",
            "criteria/portal.drl: PORTAL_PAGE"};
    private static final long TWELVE_DIGITS = 1_000_000_000_000L;

    private final String campaignId;
    private final String version;
    private final Campaign.Criterion[] criteria = new Campaign.Criterion[IDS.length];
    private final long[] points = new long[IDS.length];
    private final Campaign.GradeBand[] grades;
    /** For the area's scorecard, summed from the findings as the library sums it. */
    private final Campaign campaign;
    /** The findings that do not depend on the figures, made once: [criterion][kind]. */
    private final Finding[][] notApplicable = new Finding[IDS.length][UnitKind.values().length];
    private final Finding[] noData = new Finding[IDS.length];
    private final boolean parallel;

    /**
     * @param parallel compute the units' findings on every core (the ranking is made over the whole batch after)
     */
    public PlainEvaluation(Campaign campaign, String version, boolean parallel) {
        this.campaign = campaign;
        this.campaignId = campaign.id();
        this.version = version;
        this.parallel = parallel;
        if (campaign.criteria().size() != IDS.length) {
            throw new IllegalArgumentException("written for the five criteria of thach-that-cchc-2021");
        }
        for (int c = 0; c < IDS.length; c++) {
            Campaign.Criterion criterion = campaign.criterion(IDS[c]).orElseThrow();
            criteria[c] = criterion;
            points[c] = wholeNumber(criterion.points());
            noData[c] = new Finding(IDS[c], Status.NO_DATA, null, null, 0, points[c], criterion.title(),
                    "Chưa báo cáo số liệu", "campaign.yaml: " + IDS[c]);
            for (UnitKind kind : UnitKind.values()) {
                notApplicable[c][kind.ordinal()] = new Finding(IDS[c], Status.NOT_APPLICABLE, null, null, 0, 0, criterion.title(),
                        "Không áp dụng cho " + kind.label().toLowerCase(Locale.ROOT), "campaign.yaml: appliesTo");
            }
        }
        this.grades = campaign.grades().toArray(Campaign.GradeBand[]::new);
        for (Campaign.GradeBand grade : grades) {
            wholeNumber(grade.minScore());
        }
    }

    private static long wholeNumber(double value) {
        if (value != Math.rint(value) || Math.abs(value) > 1e9) {
            throw new IllegalArgumentException("written for whole points and scores, got " + value);
        }
        return (long) value;
    }

    public EvaluationResult evaluate(List<UnitReport> reports) {
        int n = reports.size();
        Finding[][] findings = new Finding[n][];
        long[] earned = new long[n];
        long[] max = new long[n];
        IntStream units = IntStream.range(0, n);
        (parallel ? units.parallel() : units).forEach(i -> {
            Finding[] unit = findingsOf(reports.get(i));
            long e = 0;
            long m = 0;
            for (int c = 0; c < unit.length; c++) {
                Status status = unit[c].status();
                if (status != Status.NOT_APPLICABLE && (status != Status.NO_DATA || criteria[c].countsNoData())) {
                    e += (long) unit[c].points();
                    m += (long) unit[c].maxPoints();
                }
            }
            findings[i] = unit;
            earned[i] = e;
            max[i] = m;
        });
        int[] ranks = ranks(earned, max);
        List<Evaluation> evaluations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UnitReport report = reports.get(i);
            double score = max[i] == 0 ? 0 : divideHalfUp(earned[i] * 10_000, max[i]) / 100.0;
            evaluations.add(new Evaluation(report.unit().id(), report.unit().name(), report.unit().kind(), score,
                    grade(earned[i], max[i]), ranks[i], Arrays.asList(findings[i]), null, null,
                    BigDecimal.valueOf(earned[i]), BigDecimal.valueOf(max[i])));
        }
        return new EvaluationResult(campaignId, version, evaluations, null,
                campaign.area().isEmpty() ? null : org.thidua.core.AreaFinding.of(campaign, evaluations));
    }

    private String grade(long earned, long max) {
        for (Campaign.GradeBand grade : grades) {
            boolean reaches = max == 0 ? grade.minScore() <= 0 : earned * 100 >= (long) grade.minScore() * max;
            if (reaches) {
                return grade.code();
            }
        }
        return grades[grades.length - 1].code();
    }

    /** Competition ranking on the exact fractions earned/max: ties share a rank, the next one skips. */
    private static int[] ranks(long[] earned, long[] max) {
        Map<Long, int[]> countByScore = new HashMap<>();
        long[] keys = new long[earned.length];
        for (int i = 0; i < earned.length; i++) {
            long num = max[i] == 0 ? 0 : earned[i];
            long den = max[i] == 0 ? 1 : max[i];
            long gcd = gcd(Math.abs(num), den);
            keys[i] = (num / gcd) << 32 | (den / gcd);
            countByScore.computeIfAbsent(keys[i], k -> new int[2])[0]++;
        }
        List<Long> distinct = new ArrayList<>(countByScore.keySet());
        distinct.sort((a, b) -> Long.compare((b >> 32) * (a & 0xFFFF_FFFFL), (a >> 32) * (b & 0xFFFF_FFFFL)));
        int above = 0;
        for (Long key : distinct) {
            int[] entry = countByScore.get(key);
            entry[1] = above + 1;
            above += entry[0];
        }
        int[] ranks = new int[earned.length];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = countByScore.get(keys[i])[1];
        }
        return ranks;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    private Finding[] findingsOf(UnitReport report) {
        UnitKind kind = report.unit().kind();
        Finding[] out = new Finding[IDS.length];
        for (int c = 0; c < IDS.length; c++) {
            if (!criteria[c].appliesTo(kind)) {
                out[c] = notApplicable[c][kind.ordinal()];
                continue;
            }
            out[c] = switch (c) {
                case SATISFACTION -> report.satisfaction() == null ? noData[c] : satisfaction(report.satisfaction().satisfied(), report.satisfaction().surveyed());
                case ON_TIME -> report.dossiers() == null ? noData[c] : onTime(report.dossiers().inTime(), report.dossiers().total(),
                        report.dossiers().overdueInProgress());
                case STAFF -> report.frontlineStaff() == null ? noData[c] : training(c, report.frontlineStaff().trained(),
                        report.frontlineStaff().total(), "CBCCVC được bồi dưỡng; còn ", " người chưa được bồi dưỡng kỹ năng",
                        " CBCCVC tiếp dân, giải quyết hồ sơ đã được bồi dưỡng kỹ năng", "Đơn vị không có CBCCVC tiếp dân, giải quyết hồ sơ");
                case OFFICIALS -> report.communeOfficials() == null ? noData[c] : training(c, report.communeOfficials().trainedOnIndices(),
                        report.communeOfficials().total(), "cán bộ cấp xã được bồi dưỡng về PAR INDEX, SIPAS, PAPI; còn ", " người chưa",
                        " cán bộ cấp xã đã được bồi dưỡng về PAR INDEX, SIPAS, PAPI", "Không có cán bộ cấp xã nào trong danh sách");
                default -> report.portalPage() == null ? noData[c] : portal(report.portalPage());
            };
        }
        return out;
    }

    private Finding satisfaction(long satisfied, long surveyed) {
        if (surveyed == 0) {
            return new Finding(IDS[SATISFACTION], Status.NO_DATA, null, 0.95, 0, points[SATISFACTION], criteria[SATISFACTION].title(),
                    "Chưa khảo sát được người dân, tổ chức nào (0 phiếu)", RULES[SATISFACTION]);
        }
        boolean met = satisfied * 100 >= 95 * surveyed;
        String message = count(satisfied) + "/" + count(surveyed) + " người được khảo sát hài lòng ("
                + VietnameseNumbers.percent(satisfied, surveyed)
                + (met ? "), đạt chỉ tiêu tối thiểu 95%" : "), chưa đạt chỉ tiêu tối thiểu 95%");
        return finding(SATISFACTION, met, satisfied, surveyed, 0.95, message);
    }

    private Finding onTime(long inTime, long total, long overdueInProgress) {
        if (total == 0) {
            return vacuouslyMet(ON_TIME, "Không có hồ sơ nào trong kỳ, không có hồ sơ trễ hạn");
        }
        boolean met = inTime == total;
        String message = met ? "Cả " + count(total) + " hồ sơ đều trả kết quả đúng hạn hoặc trước hạn"
                : count(total - inTime) + " trong " + count(total) + " hồ sơ trễ hạn" + (overdueInProgress == 0 ? ""
                : " (trong đó " + count(overdueInProgress) + " hồ sơ đang giải quyết đã quá hạn)");
        return finding(ON_TIME, met, inTime, total, 1.0, message);
    }

    private Finding training(int c, long trained, long total, String notMet, String notMetEnd, String met, String empty) {
        if (total == 0) {
            return vacuouslyMet(c, empty);
        }
        boolean all = trained == total;
        String message = all ? "Cả " + count(total) + met
                : count(trained) + "/" + count(total) + " " + notMet + count(total - trained) + notMetEnd;
        return finding(c, all, trained, total, 1.0, message);
    }

    private Finding portal(boolean hasPage) {
        return new Finding(IDS[PORTAL], hasPage ? Status.MET : Status.NOT_MET, hasPage ? 1.0 : 0.0, 1.0, hasPage ? points[PORTAL] : 0,
                points[PORTAL], criteria[PORTAL].title(), hasPage
                ? "Có Trang thông tin điện tử thành phần trên Cổng thông tin điện tử của huyện"
                : "Chưa có Trang thông tin điện tử thành phần trên Cổng thông tin điện tử của huyện", RULES[PORTAL]);
    }

    private Finding vacuouslyMet(int c, String message) {
        return new Finding(IDS[c], Status.MET, null, 1.0, points[c], points[c], criteria[c].title(), message, RULES[c]);
    }

    /** A share's finding: its figure as the contract shows it, and the two counts the share was made of. */
    private Finding finding(int c, boolean met, long part, long whole, double target, String message) {
        double shown = divideHalfUp(shareTo12Digits(part, whole), 10_000_000) / 100_000.0;
        return new Finding(IDS[c], met ? Status.MET : Status.NOT_MET, shown, target, met ? points[c] : 0, points[c],
                criteria[c].title(), message, RULES[c], part, whole);
    }

    /** part / whole rounded half-even to 12 decimals, as an integer count of 10⁻¹². */
    private static long shareTo12Digits(long part, long whole) {
        if (part > Long.MAX_VALUE / TWELVE_DIGITS) {
            return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 12, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
        }
        long scaled = part * TWELVE_DIGITS;
        long quotient = scaled / whole;
        long twiceRest = 2 * (scaled % whole);
        if (twiceRest > whole || (twiceRest == whole && (quotient & 1) == 1)) {
            quotient++;
        }
        return quotient;
    }

    /** a / b (both ≥ 0) rounded half up. */
    private static long divideHalfUp(long a, long b) {
        long quotient = a / b;
        return 2 * (a % b) >= b ? quotient + 1 : quotient;
    }

    /** A count as Vietnamese readers write it: 1520 → "1.520". */
    static String count(long value) {
        if (value < 1000) {
            return Long.toString(value);
        }
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append('.').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
