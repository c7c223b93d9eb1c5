package org.afyadial.system;

import io.micronaut.data.model.Page;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/** The shape of every list the REST API returns: {@code {"items":[...],"page","size","total"}}; empty lists included. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> view) {
        return new PageOf<>(page.getContent().stream().map(view).toList(), page.getPageNumber(), page.getSize(), page.getTotalSize());
    }

    /** A complete, unpaginated list as one page. */
    public static <E, T> PageOf<T> all(List<E> items, Function<E, T> view) {
        return new PageOf<>(items.stream().map(view).toList(), 0, items.size(), items.size());
    }
}
