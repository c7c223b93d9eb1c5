package org.afyadial.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.StartupEvent;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.FreeSlotFinder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoClinicTest {

    @Test
    void loadsOnceAndOffersSlotsEveryWorkingDayOfTheNextTwoWeeks() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("afyadial.demo-data", true))) {
            DoctorService doctors = context.getBean(DoctorService.class);
            FreeSlotFinder slots = context.getBean(FreeSlotFinder.class);

            context.getBean(DemoClinic.class).load(new StartupEvent(context)); // a restart on the same store

            assertEquals(4, doctors.specialties().size());
            assertEquals(5, doctors.list().size());
            for (Doctor doctor : doctors.list()) {
                assertTrue(doctor.fee().amount().signum() > 0);
                assertEquals("KES", doctor.fee().currency());
                assertFalse(slots.daysWithFreeSlotsForDoctor(doctor.id(), 14).isEmpty(), doctor.displayName());
            }
            assertTrue(slots.daysWithFreeSlots("general-medicine", 14).size() >= 11, "every day but Sundays (and today once its hours are over)");
        }
    }

    @Test
    void isOffByDefault() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertFalse(context.containsBean(DemoClinic.class));
            assertEquals(0, context.getBean(DoctorService.class).list().size());
        }
    }
}
