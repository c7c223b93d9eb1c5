package org.afyadial.ussd;

/**
 * A small piece of Java a menu calls by name ({@code action: book}, {@code list: freeDays}). It reads and
 * writes the session's values through the {@link ActionContext} and answers an {@link ActionResult}.
 * Implementations are beans; the menus are checked at startup against their names.
 */
public interface UssdAction {

    /** The name menus use. */
    String name();

    /**
     * True when the action changes records (books, cancels, registers): the engine then claims the hop
     * atomically first, so a duplicated request never runs it twice.
     */
    default boolean changesRecords() {
        return false;
    }

    ActionResult run(ActionContext context);
}
