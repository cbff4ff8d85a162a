package org.thidua.core;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * One unit's findings, one per criterion in campaign order, made when they are read. The rules' judgements are decided
 * at once (status and points: what scores, grades and ranks need, and where a rule's mistake is thrown), but a
 * finding, with its figures and its message in Vietnamese, is only made when someone reads it (writing the JSON, for
 * one), and then kept. A caller that reads scores and ranks alone never pays for the messages. Immutable as a list;
 * safe to read from any thread once the evaluation has been handed over (a finding made twice by two threads at once
 * is the same value).
 */
final class UnitFindings extends AbstractList<Finding> implements RandomAccess {
    private final Findings campaign;
    /** Per criterion: a {@link Finding} already made (shared or read before), or the decided {@link Judgement}. */
    private final Object[] slots;

    UnitFindings(Findings campaign, Object[] slots) {
        this.campaign = campaign;
        this.slots = slots;
    }

    @Override
    public Finding get(int index) {
        Object slot = slots[index];
        if (slot instanceof Finding made) {
            return made;
        }
        Finding made = campaign.finding(index, (Judgement) slot);
        slots[index] = made; // racy on purpose: a finding is immutable, and one made twice is equal
        return made;
    }

    @Override
    public int size() {
        return slots.length;
    }

    /** The status on the criterion at that position, without making the finding. */
    Status status(int index) {
        Object slot = slots[index];
        return slot instanceof Finding made ? made.status() : ((Judgement) slot).status();
    }

    /** The points earned on the criterion at that position, without making the finding. */
    double points(int index) {
        Object slot = slots[index];
        return slot instanceof Finding made ? made.points() : campaign.points(index, (Judgement) slot);
    }

    /** The points the criterion at that position is worth for this unit, without making the finding. */
    double maxPoints(int index) {
        Object slot = slots[index];
        return slot instanceof Finding made ? made.maxPoints() : campaign.maxPoints(index);
    }

    /** The id of the criterion at that position. */
    String criterion(int index) {
        return campaign.criterion(index);
    }
}
