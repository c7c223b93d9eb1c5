package org.afyadial.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of a list answer: {@code {"items":[...],"page":0,"size":20,"total":57}}; pages count from 0. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // an empty page still has "items": []
public record PageView<T>(List<T> items, int page, int size, long total) {
}
