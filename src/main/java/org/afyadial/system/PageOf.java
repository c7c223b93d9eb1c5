package org.afyadial.system;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/** The shape of every list the REST API returns: {@code {"items":[...],"page","size","total"}}; empty lists included. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageOf<T>(List<T> items, int page, int size, long total) {

    /** A page past this offset cannot be reached: the store skips an int, and page × size wrapped around to an earlier page. */
    static final long LAST_OFFSET = Integer.MAX_VALUE;

    static final class PageOutOfReach extends ProblemException {
        PageOutOfReach() {
            super(HttpStatus.BAD_REQUEST, "page", "page × size must not exceed " + LAST_OFFSET);
        }
    }

    /** The offset of the first item of a page; 400 when it is beyond what the store can skip to. */
    public static int offset(int page, int size) {
        long offset = (long) page * size;
        if (offset > LAST_OFFSET) {
            throw new PageOutOfReach();
        }
        return (int) offset;
    }

    /** A page request as the repositories take it, after {@link #offset}'s check. */
    public static Pageable request(int page, int size, Sort sort) {
        offset(page, size);
        return Pageable.from(page, size, sort);
    }

    /** A page request bound from the query ({@code page}, {@code size}, {@code sort}), after {@link #offset}'s check. */
    public static Pageable reachable(Pageable pageable) {
        offset(pageable.getNumber(), pageable.getSize());
        return pageable;
    }

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> view) {
        return new PageOf<>(page.getContent().stream().map(view).toList(), page.getPageNumber(), page.getSize(), page.getTotalSize());
    }

    /** A complete, unpaginated list as one page. */
    public static <E, T> PageOf<T> all(List<E> items, Function<E, T> view) {
        return new PageOf<>(items.stream().map(view).toList(), 0, items.size(), items.size());
    }
}
