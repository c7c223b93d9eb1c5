package org.afyadial.doctors;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param cacheTtl {@code DOCTORS_CACHE_TTL}: how long specialties, doctors, their leave and extra hours and the
 *                 times booked in the coming days are served from memory before the store is asked again. Changes made through this instance are
 *                 seen at once; this is how late changes made through another instance can be seen.
 */
@ConfigurationProperties("afyadial.doctors")
record DoctorSettings(@Bindable(defaultValue = "5s") Duration cacheTtl) {
}
