package org.thidua.core;

import java.util.Objects;

/**
 * One official of a unit (cán bộ, công chức, viên chức) as the unit reports them. Any figure may be
 * {@code null}: it was not reported, and the individual criteria that need it become {@link Status#NO_DATA}.
 *
 * @param skillsTrained  trained in the plan's skills (communication, teamwork, handling dossiers online)
 * @param indicesTrained trained on the PAR INDEX, SIPAS and PAPI indices
 * @param taskGrade      the yearly task-completion grade
 * @param discipline     the disciplinary measure of the period; {@code null} when there is none
 * @param initiative     has an initiative (sáng kiến) recognised in the period
 */
public record Member(
        String id,
        String name,
        MemberRole role,
        Boolean skillsTrained,
        Boolean indicesTrained,
        MemberDossiers dossiers,
        TaskGrade taskGrade,
        Discipline discipline,
        Boolean initiative) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** A member with only id, name and role; add figures with the {@code with…} methods. */
    public static Member of(String id, String name, MemberRole role) {
        return new Member(id, name, role, null, null, null, null, null, null);
    }

    public Member withTraining(Boolean skills, Boolean indices) {
        return new Member(id, name, role, skills, indices, dossiers, taskGrade, discipline, initiative);
    }

    public Member withDossiers(MemberDossiers value) {
        return new Member(id, name, role, skillsTrained, indicesTrained, value, taskGrade, discipline, initiative);
    }

    public Member withTaskGrade(TaskGrade value) {
        return new Member(id, name, role, skillsTrained, indicesTrained, dossiers, value, discipline, initiative);
    }

    public Member withDiscipline(Discipline value) {
        return new Member(id, name, role, skillsTrained, indicesTrained, dossiers, taskGrade, value, initiative);
    }

    public Member withInitiative(Boolean value) {
        return new Member(id, name, role, skillsTrained, indicesTrained, dossiers, taskGrade, discipline, value);
    }

    /** Disciplined with this measure or a heavier one. Usable in DRL: {@code disciplinedAtLeast(Discipline.CANH_CAO)}. */
    public boolean disciplinedAtLeast(Discipline measure) {
        return discipline != null && discipline.atLeast(measure);
    }

    /** Graded at least {@code grade}; {@code false} when no grade was reported. */
    public boolean gradedAtLeast(TaskGrade grade) {
        return taskGrade != null && taskGrade.atLeast(grade);
    }

    /** Completed their tasks (graded Hoàn thành or better). */
    public boolean completesTasks() {
        return taskGrade != null && taskGrade.isComplete();
    }

    /** Has a recognised initiative. */
    public boolean hasInitiative() {
        return Boolean.TRUE.equals(initiative);
    }
}
