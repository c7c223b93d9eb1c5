package org.afyadial.doctors;

import java.time.LocalTime;

/** Something spanning clinic local times of one day. */
interface HasTimeRange {

    LocalTime from();

    LocalTime to();

    /** Whether {@code from}/{@code to} may both be left out (a whole-day leave). */
    default boolean wholeDayAllowed() {
        return false;
    }
}
