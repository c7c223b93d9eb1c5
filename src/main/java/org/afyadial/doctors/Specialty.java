package org.afyadial.doctors;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A medical specialty. Doctors, menus and the API refer to it by {@code code}, a readable slug
 * of its name ({@code general-medicine}), unique in the store.
 */
@Serdeable
@MappedEntity("specialties")
public record Specialty(@Id @GeneratedValue String id, String code, String name) {
}
