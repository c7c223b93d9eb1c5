package org.afyadial.ussd;

import jakarta.inject.Singleton;
import org.afyadial.store.Durability;
import org.afyadial.system.ClinicSettings;
import org.afyadial.system.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs USSD conversations from the menus: reads the session, interprets only the newest input against the
 * current state, runs the actions the menus name, lays out the next screen and writes the session back in
 * one conditional write. A repeated request (same session, same text) or a late copy of an earlier one gets the
 * stored screen back and runs nothing. A session belongs to the phone that dialled it, by its E.164 number: a hop
 * from another phone, or from no valid number, is refused before anything is read or written. Any failure ends the
 * session with an apology in the patient's language.
 */
@Singleton
public class UssdEngine {

    static final String RESUME_STATE = "_resume";
    static final String RESUME_FROM = "_resumeFrom";
    /** The outcome a list state may map for when its action lists nothing. */
    static final String EMPTY_LIST = "empty";
    private static final Logger LOG = LoggerFactory.getLogger(UssdEngine.class);
    private static final int MAX_CHAINED_DECISIONS = 20;
    private static final int AWAIT_ATTEMPTS = 150;
    private static final long AWAIT_PAUSE_MILLIS = 20;
    /**
     * Far more than a USSD session can gather: a network ends a session within minutes and takes at most 182
     * characters a hop. A longer text, or one of more inputs, is no phone's: it is answered and neither read nor
     * stored, as an inbound SMS longer than any SMS is dropped.
     */
    static final int LONGEST_TEXT = 4_096;
    static final int MOST_INPUTS = 200;

    private final Menus menus;
    private final PhoneNumbers phones;
    private final SessionStore store;
    private final ActionRegistry actions;
    private final UssdSettings settings;
    private final ScreenRenderer renderer;
    private final String clinicName;
    private final Clock clock;

    UssdEngine(MenuCatalog catalog, SessionStore store, ActionRegistry actions, UssdSettings settings,
               ClinicSettings clinic, Clock clock, PhoneNumbers phones) {
        this.menus = catalog.menus();
        this.phones = phones;
        this.store = store;
        this.actions = actions;
        this.settings = settings;
        this.renderer = new ScreenRenderer(settings.maxChars());
        this.clinicName = clinic.name();
        this.clock = clock;
    }

    /** The answer to one hop, once everything the hop wrote is stored durably; never throws. */
    public UssdReply answer(UssdHop hop) {
        return Durability.together(() -> answerNow(hop));
    }

    private UssdReply answerNow(UssdHop hop) {
        if (isBlank(hop.sessionId()) || isBlank(hop.phone())) {
            return end(message("badRequest", menus.defaultLanguage()));
        }
        Optional<String> phone = phones.toE164(hop.phone());
        if (phone.isEmpty()) {
            return end(message("unknownPhone", menus.defaultLanguage()));
        }
        String text = hop.text() == null ? "" : hop.text();
        if (text.length() > LONGEST_TEXT || inputs(text) > MOST_INPUTS) {
            LOG.warn("USSD hop of {} characters in {} inputs, more than a USSD session holds: refused unread",
                    text.length(), inputs(text));
            return end(message("badRequest", menus.defaultLanguage()));
        }
        return answer(new UssdHop(hop.sessionId(), hop.serviceCode(), phone.get(), hop.networkCode(), text), text);
    }

    private UssdReply answer(UssdHop hop, String text) {
        Optional<UssdSession> remembered = store.remembered(hop.sessionId());
        if (remembered.isPresent() || text.isEmpty()) {
            // usually right: this instance served the previous hop, or this is the first one
            Optional<UssdReply> reply = attempt(hop, text, () -> remembered, true);
            if (reply.isPresent()) {
                return reply.get();
            }
            store.forget(hop.sessionId());
        }
        return attempt(hop, text, () -> store.find(hop.sessionId()), false).orElseThrow();
    }

    /**
     * Answers the hop from the session the source gives. Empty when the session had moved on meanwhile and the
     * hop may be tried again from the store; otherwise a lost race waits for the request that won it.
     */
    private Optional<UssdReply> attempt(UssdHop hop, String text, Supplier<Optional<UssdSession>> source,
                                        boolean mayRetry) {
        Turn turn = null;
        try {
            Optional<UssdSession> found = source.get();
            if (found.isPresent() && !found.get().phone.equals(hop.phone())) {
                LOG.warn("USSD hop refused: session {} belongs to another phone", hop.sessionId());
                return Optional.of(end(message("otherPhone", menus.defaultLanguage())));
            }
            turn = new Turn(found.map(UssdSession::copy)
                    .orElseGet(() -> new UssdSession(hop.sessionId(), hop.phone(), menus.defaultLanguage(), clock.instant())),
                    found.isPresent());
            turn.session.networkCode = hop.networkCode();
            return Optional.of(found.isPresent() ? next(found.get(), turn, text) : start(turn, text));
        } catch (LostRace race) {
            return mayRetry ? Optional.empty() : Optional.of(awaitOther(hop.sessionId(), turn.session.language));
        } catch (RuntimeException e) {
            LOG.error("USSD hop failed in session {}", hop.sessionId(), e);
            if (turn != null && turn.claimed) {
                releaseQuietly(turn);
            }
            return Optional.of(end(message("apology", turn == null ? menus.defaultLanguage() : turn.session.language)));
        }
    }

    /** Keeps the provider's end-of-session report against the session. */
    public void recordEnd(UssdSessionReport report) {
        if (!store.recordEnd(report)) {
            LOG.debug("End report for unknown USSD session {}", report.sessionId());
        }
    }

    private UssdReply start(Turn turn, String text) {
        UssdSession s = turn.session;
        SessionStore.PhoneBefore phone = store.replaceLastSession(s.phone, s.id,
                turn.now.plus(settings.sessionLifetime()));
        turn.lock.knownFromDial(phone.lockedUntil());
        Optional<UssdSession> earlier = resumable(phone, s, turn.now);
        if (!text.isEmpty() && phone.lastSessionId().filter(s.id::equals).isPresent()) {
            startOverAfterLoss(turn, text);
        } else if (earlier.isPresent()) {
            s.language = earlier.get().language;
            s.values.put(RESUME_FROM, earlier.get().id);
            s.state = RESUME_STATE;
            renderResume(s, null);
        } else {
            enter(turn, menus.start());
        }
        if (s.consumed.isEmpty() && !text.isEmpty()) {
            // a first request carrying inputs, as a dialled shortcut sends them
            for (String input : text.split("\\*", -1)) {
                if (!s.end) {
                    consume(turn, text, ConsumedText.Relation.EXTENDS, input);
                }
            }
        }
        finish(turn);
        boolean stored = turn.stored ? store.commit(s, turn.expectedHops, turn.claimId) : store.insert(s);
        if (!stored) {
            throw new LostRace();
        }
        return s.reply();
    }

    /**
     * A hop whose session this phone began but the store no longer holds (the embedded store keeps sessions in
     * memory only, so a restart loses them): its text's inputs were already acted on, and playing them again
     * against the records they changed would repeat a booking or a cancellation, or land on other screens once
     * the phone's patient exists. The session starts again at the start screen, greeted, and reads only the
     * inputs after this text; the text is kept masked, as nothing says which of it was a PIN.
     */
    private void startOverAfterLoss(Turn turn, String text) {
        UssdSession s = turn.session;
        enter(turn, menus.start());
        s.consumed = ConsumedText.mask(text);
        if (!s.end) {
            render(s, menus.state(s.state), message("sessionLost", s.language));
        }
    }

    private UssdReply next(UssdSession stored, Turn turn, String text) {
        if (stored.expiresAt.isBefore(turn.now)) {
            return end(message("expired", stored.language));
        }
        ConsumedText.Relation relation = ConsumedText.relate(stored.consumed, text);
        boolean copy = relation == ConsumedText.Relation.SAME || relation == ConsumedText.Relation.EARLIER;
        if (copy && stored.pending == null) {
            return stored.reply();
        }
        if (stored.pending != null || stored.end) {
            return stored.end ? stored.reply() : awaitOther(stored.id, stored.language);
        }
        consume(turn, text, relation, ConsumedText.newestInput(stored.consumed, text, relation));
        finish(turn);
        if (!store.commit(turn.session, turn.expectedHops, turn.claimed ? turn.claimId : null)) {
            throw new LostRace();
        }
        return turn.session.reply();
    }

    /** Applies one input and records it as read, masked if the screen it answers asks for a PIN. */
    private void consume(Turn turn, String text, ConsumedText.Relation relation, String input) {
        UssdSession s = turn.session;
        String before = s.consumed;
        boolean secret = !RESUME_STATE.equals(s.state) && menus.state(s.state).input() != null
                && menus.state(s.state).input().type() == InputRule.Type.PIN;
        apply(turn, input);
        s.consumed = ConsumedText.after(before, text, relation, input, secret);
    }

    private void finish(Turn turn) {
        UssdSession s = turn.session;
        s.pending = null;
        s.hops++;
        s.expiresAt = turn.now.plus(settings.sessionLifetime());
    }

    private Optional<UssdSession> resumable(SessionStore.PhoneBefore phone, UssdSession current, Instant now) {
        return phone.lastSessionId()
                .filter(id -> !id.equals(current.id))
                .flatMap(id -> store.findUnlessEndedHere(current.phone, id))
                .filter(s -> s.phone.equals(current.phone))
                .filter(s -> !s.end && s.pending == null && s.expiresAt.isAfter(now))
                .filter(s -> !RESUME_STATE.equals(s.state) && !menus.state(s.state).root());
    }

    private void apply(Turn turn, String input) {
        UssdSession s = turn.session;
        if (RESUME_STATE.equals(s.state)) {
            resume(turn, input);
            return;
        }
        MenuState state = menus.state(s.state);
        if (state.end()) {
            return;
        }
        if (!state.root() && input.equals("00") && s.root != null) {
            s.invalid = 0;
            enter(turn, s.root);
        } else if (!state.root() && input.equals("0")) {
            s.invalid = 0;
            back(turn, state);
        } else if (input.equals(ScreenRenderer.MORE_KEY) && hasNextPage(s, state)) {
            s.page++;
            render(s, state, null);
        } else if (state.input() != null) {
            typed(turn, state, input);
        } else {
            chosen(turn, state, input);
        }
    }

    private void resume(Turn turn, String input) {
        UssdSession s = turn.session;
        if (!input.equals("1") && !input.equals("2")) {
            if (++s.invalid >= settings.maxInvalidInputs()) {
                endWith(s, message("tooManyInvalid", s.language));
            } else {
                renderResume(s, message("invalidChoice", s.language));
            }
            return;
        }
        String from = s.values.remove(RESUME_FROM);
        s.invalid = 0;
        Optional<UssdSession> earlier = input.equals("1") ? store.find(from) : Optional.empty();
        if (earlier.isPresent()) {
            s.resumeFrom(earlier.get());
            if (s.values.remove(UssdSession.PIN_PROOF) != null) {
                askPinAgain(turn);
            } else {
                // entered again, not replayed: a list is made anew on today's clock and records, so times whose
                // slot started, or that another patient took, while the phone was away are no longer offered
                enter(turn, s.state);
            }
        } else {
            enter(turn, menus.start());
        }
    }

    /**
     * A PIN proved in the dropped session proves nothing for the caller of this one: the screen that asked it comes
     * first (the menu, when it was chosen at registration), with nothing behind it to go back to, and every screen
     * behind the PIN asks it again.
     */
    private void askPinAgain(Turn turn) {
        UssdSession s = turn.session;
        String askedAt = s.values.remove(UssdSession.PIN_ASKED_AT);
        s.stack.clear();
        enter(turn, askedAt != null ? askedAt : s.root != null ? s.root : menus.start());
    }

    private void back(Turn turn, MenuState state) {
        UssdSession s = turn.session;
        if (s.page > 0) {
            s.page--;
            render(s, state, null);
        } else if (!s.stack.isEmpty()) {
            enter(turn, s.stack.removeLast());
        } else if (s.root != null) {
            enter(turn, s.root);
        } else {
            render(s, state, null);
        }
    }

    private void typed(Turn turn, MenuState state, String input) {
        Optional<String> value = state.input().accept(input, clock);
        if (value.isEmpty()) {
            invalid(turn, state, state.error().isEmpty()
                    ? message(state.input().type().messageKey, turn.session.language)
                    : state.error().in(turn.session.language, menus.defaultLanguage()));
            return;
        }
        if (state.saveAs() != null) {
            turn.session.values.put(state.saveAs(), value.get());
        }
        if (state.action() == null) {
            move(turn, state, state.next());
            return;
        }
        String outcome = run(turn, state.action(), value.get()).outcome();
        follow(turn, state, outcome);
    }

    private void chosen(Turn turn, MenuState state, String input) {
        UssdSession s = turn.session;
        ScreenRenderer.Page page = currentPage(s, state);
        int index = choiceIndex(input);
        if (index < page.from() || index >= page.to()) {
            invalid(turn, state, message("invalidChoice", s.language));
            return;
        }
        if (index < s.items.size()) {
            ListItem item = s.items.get(index);
            s.values.put(state.saveAs(), item.value());
            s.values.put(state.saveAs() + "Label", item.label());
            move(turn, state, state.next());
            return;
        }
        MenuOption option = state.options().get(index - s.items.size());
        s.values.putAll(option.set());
        if (option.language() != null) {
            s.language = option.language();
        }
        move(turn, state, option.target());
    }

    private static int choiceIndex(String input) {
        if (input.isEmpty() || input.length() > 3 || !input.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(input) - 1;
    }

    private void follow(Turn turn, MenuState state, String outcome) {
        MenuState.Outcome next = outcome(state, outcome);
        if (next.target() == null) {
            invalid(turn, state, next.error().in(turn.session.language, menus.defaultLanguage()));
        } else {
            move(turn, state, next.target());
        }
    }

    private static MenuState.Outcome outcome(MenuState state, String outcome) {
        MenuState.Outcome next = state.on().get(outcome);
        if (next == null) {
            throw new IllegalStateException("Action '" + state.action() + "' answered '" + outcome
                    + "', which state " + state.id() + " does not map");
        }
        return next;
    }

    private void invalid(Turn turn, MenuState state, String reason) {
        UssdSession s = turn.session;
        if (++s.invalid >= settings.maxInvalidInputs()) {
            endWith(s, message("tooManyInvalid", s.language));
        } else {
            render(s, state, reason);
        }
    }

    private void move(Turn turn, MenuState from, String target) {
        turn.session.invalid = 0;
        turn.session.stack.add(from.id());
        enter(turn, target);
    }

    /** Enters a state, following decisions until a screen is reached. */
    private void enter(Turn turn, String target) {
        UssdSession s = turn.session;
        String id = target;
        for (int step = 0; step < MAX_CHAINED_DECISIONS; step++) {
            MenuState state = menus.state(id);
            s.state = id;
            s.page = 0;
            s.items = List.of();
            if (state.root()) {
                s.stack.clear();
                s.root = id;
            }
            if (state.isDecision()) {
                id = outcome(state, run(turn, state.action(), null).outcome()).target();
                continue;
            }
            if (state.isList()) {
                ActionResult listed = run(turn, state.list(), null);
                if (listed.items().isEmpty() && state.on().containsKey(EMPTY_LIST)) {
                    id = state.on().get(EMPTY_LIST).target();
                    continue;
                }
                int room = ActionResult.MAX_ITEMS - state.options().size();
                s.items = listed.items().size() > room ? List.copyOf(listed.items().subList(0, room)) : listed.items();
            }
            s.end = state.end();
            render(s, state, null);
            return;
        }
        throw new IllegalStateException("More than " + MAX_CHAINED_DECISIONS + " decisions in a row from " + target);
    }

    private ActionResult run(Turn turn, String name, String input) {
        UssdAction action = actions.find(name).orElseThrow(() -> new IllegalStateException("No USSD action " + name));
        if (action.changesRecords()) {
            turn.claim();
        }
        return action.run(new ActionContext(turn.session, input, turn.now, turn.lock));
    }

    private boolean hasNextPage(UssdSession s, MenuState state) {
        return (state.isList() || !state.options().isEmpty()) && currentPage(s, state).more();
    }

    private ScreenRenderer.Page currentPage(UssdSession s, MenuState state) {
        List<ScreenRenderer.Page> pages = renderer.paginate(prompt(s, state), labels(s, state),
                message("more", s.language), footer(s, state));
        return pages.get(Math.min(s.page, pages.size() - 1));
    }

    private void render(UssdSession s, MenuState state, String error) {
        String prompt = prompt(s, state);
        if (state.end() || state.input() != null) {
            s.screen = renderer.render(error, prompt, List.of(), 0, false, "", footer(s, state));
            return;
        }
        List<String> labels = labels(s, state);
        String more = message("more", s.language);
        ScreenRenderer.Page page = currentPage(s, state);
        s.screen = renderer.render(error, prompt, labels.subList(page.from(), page.to()), page.from(), page.more(), more,
                footer(s, state));
    }

    private void renderResume(UssdSession s, String error) {
        s.screen = renderer.render(error, message("resume", s.language),
                List.of(message("resumeContinue", s.language), message("resumeStartOver", s.language)),
                0, false, "", null);
    }

    private void endWith(UssdSession s, String screen) {
        s.end = true;
        s.screen = ScreenRenderer.shorten(screen, settings.maxChars());
    }

    private List<String> labels(UssdSession s, MenuState state) {
        List<String> labels = new ArrayList<>(s.items.size() + state.options().size());
        s.items.forEach(item -> labels.add(item.label()));
        state.options().forEach(o -> labels.add(o.label().in(s.language, menus.defaultLanguage())));
        return labels;
    }

    private String footer(UssdSession s, MenuState state) {
        return state.root() || state.end() ? null : message("footer", s.language);
    }

    private String prompt(UssdSession s, MenuState state) {
        String template = state.prompt().in(s.language, menus.defaultLanguage());
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String key = template.substring(open + 1, close);
            out.append(key.equals("clinic") ? clinicName : s.values.getOrDefault(key, ""));
            i = close + 1;
        }
        return out.toString();
    }

    private UssdReply awaitOther(String sessionId, String language) {
        for (int attempt = 0; attempt < AWAIT_ATTEMPTS; attempt++) {
            Optional<UssdSession> current = store.find(sessionId);
            if (current.isPresent() && current.get().pending == null) {
                return current.get().reply();
            }
            pause();
        }
        LOG.warn("USSD session {} still busy with another request", sessionId);
        return end(message("apology", language));
    }

    private static void pause() {
        try {
            Thread.sleep(AWAIT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a duplicate request", e);
        }
    }

    private void releaseQuietly(Turn turn) {
        try {
            store.release(turn.session.id, turn.claimId);
        } catch (RuntimeException e) {
            LOG.warn("Could not release the claim on USSD session {}", turn.session.id, e);
        }
    }

    /** An engine message in the language, with the clinic's name filled in. */
    private String message(String key, String language) {
        return menus.message(key, language).replace("{clinic}", clinicName);
    }

    private UssdReply end(String screen) {
        return new UssdReply(true, ScreenRenderer.shorten(screen, settings.maxChars()));
    }

    private static long inputs(String text) {
        return text.chars().filter(c -> c == '*').count() + 1;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Another request of the same session advanced or claimed it first. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }

    /**
     * One hop in progress: the working copy of the session, the hop count it started from (the condition of its
     * write) and whether it holds the claim, marked with an id of its own.
     */
    private final class Turn {
        final UssdSession session;
        final Instant now = clock.instant();
        final int expectedHops;
        final String claimId = Long.toHexString(ThreadLocalRandom.current().nextLong());
        final PhoneLock lock;
        boolean stored;
        boolean claimed;

        Turn(UssdSession session, boolean stored) {
            this.session = session;
            this.stored = stored;
            this.expectedHops = session.hops;
            this.lock = new PhoneLock(store, session.phone);
        }

        /** Before an action changes records: make sure no duplicate of this request can run it too. */
        void claim() {
            if (claimed) {
                return;
            }
            if (stored) {
                if (!store.claim(session.id, expectedHops, claimId)) {
                    throw new LostRace();
                }
            } else {
                UssdSession placeholder = session.copy();
                placeholder.pending = claimId;
                placeholder.screen = "";
                if (!store.insert(placeholder)) {
                    throw new LostRace();
                }
                stored = true;
            }
            claimed = true;
        }
    }
}
