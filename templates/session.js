/* The live session page's script (facilitate.exporters.live), inlined into session.html.
   The page opens as the presenter view; with #room at the end of its address it is the
   room view for the projector, which removes the facilitator's notes before anything else
   and never shows them. The two views keep in step through a BroadcastChannel and, as a
   fallback, the `storage` event of the localStorage entry that also keeps the day's state
   (keyed by the session and the date) across reloads. Content is only ever put on screen
   with textContent; every word of the page's own comes from the labels JSON. */
(function () {
  "use strict";

  // --- rules shared with Python (facilitate.model.retiming and the tests) ---------------

  // New lengths that absorb up to `late` minutes, in proportion to each segment's length,
  // none below its minimum; whole minutes, leftovers to the largest remainders (earlier
  // first on a tie). The same rule as facilitate.model.retiming.catch_up.
  function shrink(minutes, minimums, late) {
    var count = minutes.length;
    var slack = minutes.map(function (length, i) { return length - minimums[i]; });
    var totalSlack = slack.reduce(function (a, b) { return a + b; }, 0);
    var remaining = Math.max(0, Math.min(late, totalSlack));
    var cut = minutes.map(function () { return 0; });
    var active = [];
    for (var i = 0; i < count; i++) { if (slack[i] > 0) { active.push(i); } }
    var sumOf = function (list) { return list.reduce(function (a, index) { return a + minutes[index]; }, 0); };
    while (active.length && remaining > 0) {
      var total = sumOf(active);
      var capped = active.filter(function (index) { return remaining * minutes[index] >= slack[index] * total; });
      if (!capped.length) { break; }
      capped.forEach(function (index) { cut[index] = slack[index]; remaining -= slack[index]; });
      active = active.filter(function (index) { return capped.indexOf(index) < 0; });
    }
    if (active.length && remaining > 0) {
      var whole = sumOf(active);
      var rest = {};
      active.forEach(function (index) {
        cut[index] = Math.floor(remaining * minutes[index] / whole);
        rest[index] = remaining * minutes[index] % whole;
      });
      var leftover = remaining - active.reduce(function (a, index) { return a + cut[index]; }, 0);
      active.slice().sort(function (a, b) { return rest[b] - rest[a] || a - b; }).slice(0, leftover)
        .forEach(function (index) { cut[index] += 1; });
    }
    return minutes.map(function (length, index) { return length - cut[index]; });
  }

  // Mulberry32: a small seeded generator of 32-bit numbers, the same on every machine.
  function mulberry32(seed) {
    var state = seed >>> 0;
    return function () {
      state = (state + 0x6D2B79F5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
  }

  // The order of `count` cards for `seed`: a Fisher-Yates shuffle from the last card down.
  function shuffled(count, seed) {
    var order = [];
    for (var i = 0; i < count; i++) { order.push(i); }
    var next = mulberry32(seed);
    for (var k = count - 1; k > 0; k--) {
      var j = Math.floor(next() / 4294967296 * (k + 1));
      var swap = order[k]; order[k] = order[j]; order[j] = swap;
    }
    return order;
  }

  window.facilitateLive = Object.freeze({ shrink: shrink, mulberry32: function (seed, count) {
    var next = mulberry32(seed), out = [];
    for (var i = 0; i < count; i++) { out.push(next()); }
    return out;
  }, shuffled: shuffled });

  // --- the page's data ------------------------------------------------------------------

  var $ = function (id) { return document.getElementById(id); };
  var L = JSON.parse($("labels").textContent);
  var data = JSON.parse($("session-data").textContent);
  var segments = data.segments;
  var N = segments.length;
  var ROOM = location.hash === "#room";
  var notesById = {};
  if (ROOM) {
    // The projector never holds the notes: drop them and the presenter's view unread.
    $("facilitator-notes").remove();
    $("presenter").remove();
    $("help").remove();
    document.querySelector(".skip-link").remove();
  } else {
    notesById = JSON.parse($("facilitator-notes").textContent);
  }
  var MINUTE = 60000;
  var WARN_MS = 2 * MINUTE;

  function fmt(name, values) {
    return L[name].replace(/\{(\w+)\}/g, function (whole, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function dateText(date) { return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate()); }
  function at(day, clock) {  // a "HH:MM" clock time on a "YYYY-MM-DD" day, in ms
    var d = day.split("-"), c = clock.split(":");
    return new Date(+d[0], +d[1] - 1, +d[2], +c[0], +c[1], 0, 0).getTime();
  }
  // A clock time as the session's language writes it: data.clockPattern is a CLDR pattern
  // from Babel ("HH:mm", "H:mm", "h:mm a", "HH 'h' mm"), the same the printed pack uses.
  function clockText(d) {
    var hours = d.getHours(), twelve = hours % 12 || 12;
    var fields = { HH: two(hours), H: String(hours), hh: two(twelve), h: String(twelve), mm: two(d.getMinutes()),
                   a: data.dayPeriods[hours < 12 ? 0 : 1] };
    return (data.clockPattern || "HH:mm").replace(/'([^']*)'|HH|H|hh|h|mm|a/g, function (token, quoted) {
      return quoted !== undefined ? quoted : fields[token];
    });
  }
  function clock(ms) {  // to the nearest minute
    return clockText(new Date(Math.round(ms / MINUTE) * MINUTE));
  }
  function planText(hhmm) {  // a planned "HH:MM" from the session data, as the language writes it
    var c = hhmm.split(":");
    return clockText(new Date(2000, 0, 1, +c[0], +c[1], 0, 0));
  }
  function clockSeconds(ms) {
    var d = new Date(Math.floor(ms / 1000) * 1000);
    return two(d.getHours()) + ":" + two(d.getMinutes()) + ":" + two(d.getSeconds());
  }
  function countdownText(ms) {
    var seconds = ms > 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
    return (ms > 0 ? "" : seconds > 0 ? "+" : "") + Math.floor(seconds / 60) + ":" + two(seconds % 60);
  }
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(data.language || "en") : null;
  function spoken(ms) {  // "2 minutes", in the form the language's plural rules choose
    var minutes = Math.ceil(ms / MINUTE);
    var forms = L.minutes_spoken, category = plurals ? plurals.select(minutes) : (minutes === 1 ? "one" : "other");
    return (forms[category] || forms.other).replace("{minutes}", String(minutes));
  }
  function kicker(segment, withPosition) {
    var part = data.parts.findIndex(function (p) { return p.id === segment.part; });
    var words = part >= 0 ? fmt("part_kicker", { number: part + 1, title: segment.partTitle }) : L["kind_" + segment.kind];
    if (withPosition) {
      words += "  ·  " + fmt("position", { number: segments.indexOf(segment) + 1, count: N }).replace(/ /g, "\u00a0");
    }
    return words;
  }

  // --- the day's state: kept in localStorage, shared with the other window ------------------

  var storeKey = "facilitate-live:" + data.id + ":" + dateText(new Date());
  var prefsKey = "facilitate-live:preferences";

  function fresh(rev) {
    return {
      v: 1, rev: rev || 0, day: dateText(new Date()), index: 0, running: false, runStart: null,
      segs: segments.map(function (s) { return { id: s.id, status: "pending", minutes: s.minutes, used: 0, start: null, end: null }; }),
      notes: false, undo: null,
      cards: { open: false, deck: 0, seed: 0, turned: 0, per: 3, dealt: false }
    };
  }
  function valid(saved) {
    return !!saved && saved.v === 1 && Array.isArray(saved.segs) && saved.segs.length === N &&
      saved.segs.every(function (s, i) { return s && s.id === segments[i].id && s.minutes >= 1; }) &&
      saved.index >= 0 && saved.index < N && !!saved.cards;
  }
  function readStore(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function writeStore(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: the other window still hears the channel */ }
  }

  var state = fresh();
  var saved = readStore(storeKey);
  if (valid(saved)) { state = saved; }
  var channel = null;
  try { channel = new BroadcastChannel("facilitate-live:" + data.id); } catch (e) { channel = null; }

  var render = function () {};  // the view's own, set below

  function publish() {
    state.rev += 1;
    writeStore(storeKey, state);
    if (channel) { channel.postMessage({ type: "state", state: state }); }
  }
  function adopt(incoming) {
    if (valid(incoming) && incoming.rev >= state.rev) { state = incoming; render(); }
  }
  if (channel) {
    channel.onmessage = function (event) {
      var message = event.data || {};
      if (message.type === "state") { adopt(message.state); }
      if (message.type === "hello" && !ROOM) { channel.postMessage({ type: "state", state: state }); }
    };
  }
  window.addEventListener("storage", function (event) {
    if (event.key === storeKey && event.newValue) {
      try { adopt(JSON.parse(event.newValue)); } catch (e) { /* a damaged entry: keep ours */ }
    }
  });

  // --- time: what has run, what is left, and where the rest of the day falls ----------------

  function dayAt(clockText) { return at(state.day, clockText); }
  function current() { return state.segs[state.index]; }
  function elapsed(i, now) {
    var s = state.segs[i];
    return s.used + (state.running && i === state.index ? now - state.runStart : 0);
  }
  function leftMs(i, now) { return state.segs[i].minutes * MINUTE - elapsed(i, now); }
  function begun() { return state.segs.some(function (s) { return s.start !== null; }); }
  function earliest(i) {  // a fixed segment waits for its time; before the day begins, so does the first
    if (segments[i].fixed) { return dayAt(segments[i].fixed); }
    return begun() ? -Infinity : dayAt(segments[i].startsAt);
  }

  // Each segment's start and end as things stand: recorded for those done, projected for
  // the rest (the current one ends when its time runs out, or now if it is over).
  function project(now) {
    var out = [];
    var cur = state.index;
    for (var i = 0; i < cur; i++) {
      var done = state.segs[i];
      out.push(done.start !== null ? { start: done.start, end: done.end === null ? done.start : done.end, arrive: done.start } : null);
    }
    var seg = current();
    var start = seg.start !== null ? seg.start : Math.max(now, earliest(cur));
    var left = Math.max(0, leftMs(cur, now));
    var end = seg.start !== null ? now + left : start + left;
    out.push({ start: start, end: end, arrive: start });
    var t = end;
    for (var k = cur + 1; k < N; k++) {
      if (state.segs[k].status === "skipped") { out.push(null); continue; }
      var begins = Math.max(t, earliest(k));
      out.push({ start: begins, end: begins + state.segs[k].minutes * MINUTE, arrive: t });
      t = out[k].end;
    }
    return out;
  }

  // The catch-up plan: how late the day will reach the next fixed time (or the finish),
  // and the flexible segments before it, shrunk by `shrink`.
  function catchUp(now, projected) {
    var cur = state.index;
    var until = N;
    for (var i = cur + 1; i < N; i++) {
      if (segments[i].fixed && state.segs[i].status !== "skipped") { until = i; break; }
    }
    var target, targetName, arrive;
    if (until < N) {
      target = dayAt(segments[until].fixed);
      targetName = segments[until].title;
      arrive = projected[until].arrive;
    } else {
      target = dayAt(data.endsBy || data.endsAt);
      targetName = L.catch_up_finish;
      arrive = projected.reduce(function (last, p) { return p ? p.end : last; }, projected[cur].end);
    }
    var indices = [], before = [], minimums = [];
    for (var k = cur + 1; k < until; k++) {
      if (state.segs[k].status === "skipped") { continue; }
      var minutes = state.segs[k].minutes;
      indices.push(k);
      before.push(minutes);
      minimums.push(Math.min(minutes, segments[k].minMinutes || minutes));
    }
    var late = Math.round((arrive - target) / MINUTE);
    var after = shrink(before, minimums, late);
    var saved = before.reduce(function (a, b) { return a + b; }, 0) - after.reduce(function (a, b) { return a + b; }, 0);
    return { late: late, target: target, targetName: targetName, until: until, indices: indices, before: before, after: after, saved: saved };
  }

  // --- building content (both views) ------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  function list(tag, className, items) {
    var node = el(tag, className);
    items.forEach(function (item) { node.appendChild(el("li", "", item)); });
    return node;
  }
  function setText(node, text) { if (node && node.textContent !== text) { node.textContent = text; } }

  // The participant-facing content of a segment; a break says when the room is due back.
  function fillContent(box, segment, headingTag) {
    box.replaceChildren();
    if (headingTag) { box.appendChild(el(headingTag, "", segment.title)); }
    if (segment.kind === "break") { box.appendChild(el("p", "back-at")); }
    if (segment.description) { box.appendChild(el("p", "description", segment.description)); }
    if (segment.prompts.length) { box.appendChild(list("ul", "prompts", segment.prompts)); }
    if (segment.bullets.length) { box.appendChild(list("ul", "bullets", segment.bullets)); }
    if (segment.quote) {
      var quote = el("blockquote");
      quote.appendChild(el("p", "", "\u201c" + segment.quote.text + "\u201d"));
      quote.appendChild(el("footer", "", "\u2014 " + segment.quote.author + (segment.quote.source ? ", " + segment.quote.source : "")));
      box.appendChild(quote);
    }
    segment.extras.forEach(function (extra) {
      var section = el("section", "extra");
      if (extra.title !== segment.title) { section.appendChild(el("h3", "", extra.title)); }
      if (extra.text) { section.appendChild(el("p", "", extra.text)); }
      if (extra.items.length) { section.appendChild(list("ul", "", extra.items)); }
      box.appendChild(section);
    });
  }

  function backAt(projected) {
    return fmt("back_at", { time: clock(projected[state.index].end) });
  }

  function timerPhase(ms) { return ms <= 0 ? "over" : ms <= WARN_MS ? "warning" : "normal"; }

  // --- cards ----------------------------------------------------------------------------------

  function deckOrder() {
    var deck = data.decks[state.cards.deck];
    return deck ? shuffled(deck.cards.length, state.cards.seed) : [];
  }
  function dealt() {  // the shuffled deck dealt `per` cards to each table, and what is left over
    var deck = data.decks[state.cards.deck];
    var order = deckOrder();
    var per = Math.max(1, Math.min(state.cards.per, order.length));
    var tables = [];
    for (var i = 0; i + per <= order.length; i += per) {
      tables.push(order.slice(i, i + per).map(function (n) { return deck.cards[n].title; }));
    }
    var rest = order.slice(tables.length * per).map(function (n) { return deck.cards[n].title; });
    return { tables: tables, rest: rest };
  }
  function dealtItems() {
    var deal = dealt();
    var items = deal.tables.map(function (titles, i) { return fmt("table", { number: i + 1 }) + ": " + titles.join(", "); });
    if (deal.rest.length) { items.push(L.left_over + ": " + deal.rest.join(", ")); }
    return items;
  }
  function turnedCard() {
    var deck = data.decks[state.cards.deck];
    if (!deck || state.cards.turned < 1) { return null; }
    return deck.cards[deckOrder()[state.cards.turned - 1]];
  }

  // ==========================================================================================
  if (ROOM) {
    // --- the room view: the prompt large, the countdown, the current part; no notes ---------
    document.body.classList.remove("presenter-view");
    document.body.classList.add("room-view");
    document.body.insertBefore($("room-template").content.cloneNode(true), document.body.firstChild);
    document.title = fmt("room_title", { title: data.title });
    var lastShown = null;

    render = function () {
      var segment = segments[state.index];
      setText($("room-part"), kicker(segment, false));
      var box = $("room-fit");
      var cards = state.cards.open && data.decks.length ? state.cards : null;
      var shown = JSON.stringify([state.index, cards, cards ? null : segment.id]);
      if (shown !== lastShown) {
        lastShown = shown;
        if (cards) {
          var deck = data.decks[cards.deck];
          box.replaceChildren();
          box.appendChild(el("p", "room-muted", fmt("room_cards", { deck: deck.title, seed: cards.seed })));
          var card = turnedCard();
          if (cards.dealt) {
            box.appendChild(el("h1", "", deck.title));
            box.appendChild(list("ul", "bullets", dealtItems()));
          } else if (card) {
            box.appendChild(el("p", "room-muted", fmt("card_position", { number: cards.turned, count: deck.cards.length })));
            box.appendChild(el("h1", "room-card-title", card.title));
            box.appendChild(el("p", "room-card-prompt", card.prompt));
            if (card.detail) { box.appendChild(el("p", "", card.detail)); }
          } else {
            box.appendChild(el("h1", "", deck.title));
            box.appendChild(el("p", "", L.face_down));
          }
        } else {
          fillContent(box, segment, "h1");
        }
        roomTick();
        roomFit();
      } else {
        roomTick();
      }
    };

    // The largest text that fits the screen without scrolling (a binary search on the size).
    var roomFit = function () {
      var stage = $("room-stage"), box = $("room-fit");
      var fits = function () { return box.scrollHeight <= stage.clientHeight && box.scrollWidth <= stage.clientWidth; };
      var low = 6, high = Math.max(12, Math.min(window.innerHeight / 9, window.innerWidth / 14));
      for (var step = 0; step < 16; step++) {
        var middle = (low + high) / 2;
        box.style.fontSize = middle + "px";
        if (fits()) { low = middle; } else { high = middle; }
      }
      box.style.fontSize = Math.floor(low * 10) / 10 + "px";
    };

    var roomTick = function () {
      var now = Date.now();
      var ms = leftMs(state.index, now);
      var phase = timerPhase(ms);
      setText($("room-timer"), countdownText(ms));
      $("room-timer").classList.toggle("warning", phase === "warning");
      $("room-timer").classList.toggle("over", phase === "over");
      $("room").classList.toggle("warning", phase === "warning");
      var total = Math.max(state.segs[state.index].minutes * MINUTE, ms);
      $("room-bar").style.width = Math.min(100, Math.max(0, 100 * (1 - ms / total))) + "%";
      var back = document.querySelector("#room-fit .back-at");
      if (back) {
        var before = back.textContent;
        setText(back, backAt(project(now)));
        if (before !== back.textContent) { roomFit(); }
      }
    };

    window.addEventListener("resize", roomFit);
    render();
    if (channel) { channel.postMessage({ type: "hello" }); }
    setInterval(roomTick, 250);
    return;
  }

  // ==========================================================================================
  // --- the presenter view ---------------------------------------------------------------------

  var prefs = readStore(prefsKey) || {};
  var shortcutsOn = prefs.shortcuts !== false;
  var lastPhase = null;
  var shownIndex = null;

  function announce(text) { $("announce").textContent = text; }

  function showSegment() {
    var segment = segments[state.index];
    setText($("kicker"), kicker(segment, true));
    setText($("segment-title"), segment.title);
    fillContent($("content"), segment, null);
    setText($("notes-text"), notesById[segment.id] || L.no_notes);
    var currentPart = data.parts.findIndex(function (p) { return p.id === segment.part; });
    var reached = -1;  // the furthest part reached so far: earlier parts count as done
    segments.slice(0, state.index + 1).forEach(function (s) {
      var where = data.parts.findIndex(function (p) { return p.id === s.part; });
      if (where > reached) { reached = where; }
    });
    document.querySelectorAll(".parts li").forEach(function (item, index) {
      item.classList.toggle("current", index === currentPart);
      item.classList.toggle("done", index < reached && index !== currentPart);
      if (index === currentPart) { item.setAttribute("aria-current", "step"); } else { item.removeAttribute("aria-current"); }
    });
    $("previous").disabled = state.index === 0;
    $("next").disabled = state.index === N - 1;
    if (shownIndex !== state.index) {
      $("stage").scrollTop = 0;
      keepInView(document.querySelector('#agenda li[data-index="' + state.index + '"]'), document.querySelector(".agenda"));
    }
    shownIndex = state.index;
  }

  // Scroll only the agenda's own box (scrollIntoView would move the whole page on a phone).
  function keepInView(item, box) {
    if (!item || box.scrollHeight <= box.clientHeight) { return; }
    var top = item.offsetTop;
    if (top < box.scrollTop) { box.scrollTop = top; }
    else if (top + item.offsetHeight > box.scrollTop + box.clientHeight) { box.scrollTop = top + item.offsetHeight - box.clientHeight; }
  }

  function showAgenda(projected) {
    document.querySelectorAll("#agenda li").forEach(function (item) {
      var i = Number(item.dataset.index);
      var seg = state.segs[i];
      var status = i === state.index ? "current" : seg.status;
      item.classList.toggle("current", status === "current");
      item.classList.toggle("done", status === "done");
      item.classList.toggle("skipped", status === "skipped");
      var button = item.querySelector("button");
      if (status === "current") { button.setAttribute("aria-current", "step"); } else { button.removeAttribute("aria-current"); }
      var planned = planText(segments[i].startsAt);
      var p = projected[i];
      var shown = status === "skipped" || !p ? planned : clock(p.start);
      var time = item.querySelector(".time");
      setText(time, shown);
      var moved = shown !== planned && status !== "done";
      time.classList.toggle("moved", moved);
      // Under the title: the planned time of a moved segment; a visible "skipped" tag; for
      // screen readers, "done" and "now" (the tick and the highlight say so on screen).
      var note = item.querySelector(".planned");
      var words = { pending: moved ? L.agenda_planned + " " + planned : "", done: L.status_done, skipped: L.status_skipped, current: L.status_current }[status];
      setText(note, words);
      note.className = "planned" + (status === "skipped" ? " tag" : status === "pending" ? "" : " sr-only");
      note.hidden = !words;
      setText(item.querySelector(".mins"), fmt("minutes_short", { minutes: seg.minutes }));
    });
  }

  function showNext(projected) {
    var next = -1;
    for (var i = state.index + 1; i < N; i++) { if (state.segs[i].status !== "skipped") { next = i; break; } }
    if (next < 0) {
      setText($("next-title"), L.next_none);
      setText($("next-time"), "");
      return;
    }
    setText($("next-title"), segments[next].title);
    setText($("next-time"), fmt("next_starts", { time: clock(projected[next].start), minutes: state.segs[next].minutes }));
  }

  function showPace(now, projected) {
    var pace = $("pace");
    var cur = state.index;
    var delta = Math.round((projected[cur].end - dayAt(segments[cur].endsAt)) / MINUTE);
    pace.hidden = false;
    setText(pace, delta > 0 ? fmt("pace_behind", { minutes: delta }) : delta < 0 ? fmt("pace_ahead", { minutes: -delta }) : L.pace_on_time);
    pace.classList.toggle("behind", delta > 0);
  }

  function showCatchUp(now, projected) {
    var box = $("catch-up");
    var plan = catchUp(now, projected);
    var button = $("catch-up-button");
    var changes = $("catch-up-list");
    var lines = [];
    if (state.undo) {
      var undo = state.undo;
      setText($("catch-up-text"), plan.late > 0 ? fmt("catch_up_applied_short", { saved: undo.saved }) : fmt("catch_up_applied", { target: undo.targetName }));
      undo.indices.forEach(function (index, k) {
        lines.push(fmt("catch_up_change", { title: segments[index].title, before: undo.before[k], after: undo.after[k] }));
      });
      setText(button.firstChild, L.undo);
      button.hidden = false;
      box.hidden = false;
    } else if (plan.late >= 1) {
      var words = fmt("catch_up_late", { minutes: plan.late, target: plan.targetName, time: clock(plan.target) });
      if (plan.saved > 0) {
        words += " " + L.catch_up_propose;
        plan.indices.forEach(function (index, k) {
          if (plan.after[k] !== plan.before[k]) {
            lines.push(fmt("catch_up_change", { title: segments[index].title, before: plan.before[k], after: plan.after[k] }));
          }
        });
        if (plan.saved < plan.late) {
          lines.push(fmt("catch_up_short", { saved: plan.saved, minutes: plan.late, target: plan.targetName, left: plan.late - plan.saved }));
        }
      } else {
        words += " " + L.catch_up_nothing;
      }
      setText($("catch-up-text"), words);
      setText(button.firstChild, L.apply);
      button.hidden = plan.saved < 1;
      box.hidden = false;
    } else {
      box.hidden = true;
    }
    var text = lines.join("\n");
    if (changes.dataset.shown !== text) {
      changes.dataset.shown = text;
      changes.replaceChildren();
      lines.forEach(function (line) { changes.appendChild(el("li", "", line)); });
    }
  }

  function showCards() {
    var cards = state.cards;
    $("cards-panel").hidden = !cards.open;
    $("toggle-cards").setAttribute("aria-expanded", String(cards.open));
    $("content").hidden = cards.open;
    if (!cards.open) { return; }
    var none = !data.decks.length;
    $("no-decks").hidden = !none;
    $("cards-body").hidden = none;
    if (none) { return; }
    var select = $("deck-select");
    if (select.options.length !== data.decks.length) {
      select.replaceChildren();
      data.decks.forEach(function (deck, i) { var option = el("option", "", deck.title); option.value = String(i); select.appendChild(option); });
    }
    select.value = String(cards.deck);
    if (document.activeElement !== $("seed")) { $("seed").value = String(cards.seed); }
    if (document.activeElement !== $("per-table")) { $("per-table").value = String(cards.per); }
    setText($("seed-note"), fmt("seed_note", { seed: cards.seed }));
    var deck = data.decks[cards.deck];
    var card = turnedCard();
    setText($("card-position"), card ? fmt("card_position", { number: cards.turned, count: deck.cards.length }) : "");
    setText($("card-title"), card ? card.title : deck.title);
    setText($("card-prompt"), card ? card.prompt : L.face_down);
    setText($("card-detail"), card ? card.detail : "");
    $("card-detail").hidden = !(card && card.detail);
    $("card-back").disabled = cards.turned < 1;
    $("card-turn").disabled = cards.turned >= deck.cards.length;
    var deal = $("deal-list");
    deal.hidden = !cards.dealt;
    var items = cards.dealt ? dealtItems() : [];
    if (deal.dataset.shown !== items.join("\n")) {
      deal.dataset.shown = items.join("\n");
      deal.replaceChildren();
      items.forEach(function (item) { deal.appendChild(el("li", "", item)); });
    }
  }

  function tick() {
    var now = Date.now();
    var i = state.index;
    var segment = segments[i];
    var ms = leftMs(i, now);
    var phase = timerPhase(ms);
    var projected = project(now);
    setText($("countdown"), countdownText(ms));
    $("timer").classList.toggle("warning", phase === "warning");
    $("timer").classList.toggle("over", phase === "over");
    var untouched = !state.running && state.segs[i].used === 0 && state.segs[i].start === null;
    setText($("timer-state"), phase === "over" ? L.time_up : state.running
      ? fmt(phase === "warning" ? "nearly_time_ends" : "left_ends", { time: clock(now + ms) })
      : (untouched ? L.ready : L.paused));
    var total = Math.max(state.segs[i].minutes * MINUTE, ms);
    $("progress-bar").style.width = Math.min(100, Math.max(0, 100 * (1 - ms / total))) + "%";
    if (state.running && lastPhase !== null && phase !== lastPhase && phase !== "normal") {
      announce(phase === "over" ? fmt("announce_time_up", { title: segment.title }) : L.announce_two_minutes);
    }
    lastPhase = phase;
    setText($("start-label"), state.running ? L.pause : L.start);
    setText($("wallclock"), clock(Math.floor(now / MINUTE) * MINUTE));
    // Its slot as things stand, and as planned when that differs.
    var planned = planText(segment.startsAt) + "\u2013" + planText(segment.endsAt);
    var range = clock(projected[i].start) + "\u2013" + clock(projected[i].end);
    var slot = range === planned ? planned : range + " (" + L.agenda_planned + " " + planned + ")";
    setText($("slot"), [slot, segment.timing, segment.method].filter(Boolean).join("  \u00b7  "));
    var back = document.querySelector("#content .back-at");
    if (back) { setText(back, backAt(projected)); }
    showAgenda(projected);
    showNext(projected);
    showPace(now, projected);
    showCatchUp(now, projected);
  }

  // The stage scrolls on its own on a wide screen: then keyboard users can focus it to scroll.
  function stageFocusable() {
    var stage = $("stage");
    if (stage.scrollHeight > stage.clientHeight + 1) { stage.setAttribute("tabindex", "0"); } else { stage.removeAttribute("tabindex"); }
  }

  function renderPresenter() {
    if (state.undo && state.index >= state.undo.until) { state.undo = null; }
    if (shownIndex !== state.index) { lastPhase = null; }
    showSegment();
    $("notes").hidden = !state.notes;
    $("toggle-notes").setAttribute("aria-expanded", String(state.notes));
    showCards();
    tick();
    stageFocusable();
  }

  // --- what the facilitator does ------------------------------------------------------------

  function startClock(now) {
    if (state.running) { return; }
    state.running = true;
    state.runStart = now;
    if (current().start === null) { current().start = now; }
  }
  function pauseClock(now) {
    if (!state.running) { return; }
    current().used += now - state.runStart;
    state.running = false;
    state.runStart = null;
  }
  function changed() { publish(); render(); }

  var actions = {
    toggle: function () {
      var now = Date.now();
      if (state.running) { pauseClock(now); } else { startClock(now); }
      changed();
      announce(fmt(state.running ? "announce_started" : "announce_paused", { left: spoken(Math.max(0, leftMs(state.index, now))) }));
    },
    addMinute: function () {
      current().minutes += 1;
      changed();
      announce(fmt("announce_added", { left: spoken(Math.max(0, leftMs(state.index, Date.now()))) }));
    },
    go: function (target) {
      if (target < 0 || target >= N || target === state.index) { return; }
      var now = Date.now();
      var wasRunning = state.running;
      var from = state.index;
      var leaving = current();
      pauseClock(now);
      if (leaving.start !== null) { leaving.end = now; }
      if (target > from) {
        leaving.status = "done";
        // Jumped over: skipped, not done.
        for (var k = from + 1; k < target; k++) { if (state.segs[k].status === "pending") { state.segs[k].status = "skipped"; } }
      } else {
        // Going back makes what has not run upcoming again.
        leaving.status = leaving.start !== null ? "done" : "pending";
        for (var j = target + 1; j < from; j++) { if (state.segs[j].status === "skipped") { state.segs[j].status = "pending"; } }
      }
      state.index = target;
      if (wasRunning) { startClock(now); }  // moving on while the clock runs starts the next segment's clock
      changed();
      announce(fmt("announce_now", { title: segments[target].title, number: target + 1, count: N }));
    },
    next: function () { actions.go(state.index + 1); },
    previous: function () { actions.go(state.index - 1); },
    notes: function () { state.notes = !state.notes; changed(); },
    catchUp: function () {
      if (state.undo) {
        state.undo.indices.forEach(function (index, k) { state.segs[index].minutes = state.undo.before[k]; });
        state.undo = null;
        changed();
        announce(L.announce_undone);
        return;
      }
      var plan = catchUp(Date.now(), project(Date.now()));
      if (plan.late < 1 || plan.saved < 1) { return; }
      plan.indices.forEach(function (index, k) { state.segs[index].minutes = plan.after[k]; });
      state.undo = { indices: plan.indices, before: plan.before, after: plan.after, saved: plan.saved, until: plan.until, targetName: plan.targetName };
      changed();
      announce(L.announce_applied);
    },
    room: function () {
      var opened = window.open(location.href.split("#")[0] + "#room", "facilitate-room-" + data.id);
      if (!opened) { announce(L.room_blocked); }
    },
    cards: function () {
      var cards = state.cards;
      cards.open = !cards.open;
      if (cards.open && !cards.seed) { cards.seed = 1000 + Math.floor(Math.random() * 9000); }
      if (cards.open) {
        var deckId = segments[state.index].deck;
        var wanted = data.decks.findIndex(function (d) { return d.id === deckId; });
        if (wanted >= 0 && cards.turned === 0 && !cards.dealt) { cards.deck = wanted; }
      }
      changed();
    },
    turn: function () {
      var deck = data.decks[state.cards.deck];
      if (!state.cards.open || !deck || state.cards.turned >= deck.cards.length) { return; }
      state.cards.turned += 1;
      state.cards.dealt = false;
      changed();
    },
    back: function () {
      if (!state.cards.open || state.cards.turned < 1) { return; }
      state.cards.turned -= 1;
      state.cards.dealt = false;
      changed();
    },
    reshuffle: function (seed) {
      state.cards.seed = seed;
      state.cards.turned = 0;
      state.cards.dealt = false;
      changed();
    },
    shuffle: function () { actions.reshuffle(1000 + Math.floor(Math.random() * 9000)); },
    deal: function () {
      var per = Math.floor(Number($("per-table").value));
      if (!(per >= 1)) { per = 1; }
      state.cards.per = Math.min(per, 99);
      state.cards.dealt = true;
      changed();
    },
    help: function () { if (!$("help").open) { $("help").showModal(); } },
    saveJson: function () { download("json", JSON.stringify(record(), null, 2) + "\n", "application/json"); },
    saveCsv: function () { download("csv", csv(record()), "text/csv"); }
  };

  // --- the record of the day ------------------------------------------------------------------

  function record() {
    return {
      format: "facilitate-timings",
      version: 1,
      session: { id: data.id, title: data.title, starts_at: data.startsAt, ends_by: data.endsBy, language: data.language,
                 clock: data.clock },
      day: state.day,
      segments: segments.map(function (segment, i) {
        var seg = state.segs[i];
        var status = i === state.index ? "current" : seg.status;
        var started = status === "pending" || status === "skipped" || seg.start === null ? null : clockSeconds(seg.start);
        return {
          id: segment.id, title: segment.title, kind: segment.kind,
          planned_start: segment.startsAt, planned_minutes: segment.minutes,
          min_minutes: segment.minMinutes, fixed: segment.fixed, allowed_minutes: seg.minutes,
          status: status, started: started,
          ended: status === "done" && started !== null && seg.end !== null ? clockSeconds(seg.end) : null
        };
      })
    };
  }

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }  // never a formula in a spreadsheet
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv(day) {
    var header = ["id", "title", "status", "planned_start", "planned_minutes", "allowed_minutes", "started", "ended", "actual_minutes"];
    var seconds = function (text) { var p = text.split(":"); return +p[0] * 3600 + +p[1] * 60 + +p[2]; };
    var rows = day.segments.map(function (s) {
      var actual = s.started && s.ended ? ((seconds(s.ended) - seconds(s.started)) / 60).toFixed(1) : "";
      return [s.id, s.title, s.status, s.planned_start, s.planned_minutes, s.allowed_minutes, s.started, s.ended, actual];
    });
    return [header].concat(rows).map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function download(suffix, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = "timings-" + data.id + "-" + state.day + "." + suffix;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // --- wiring: buttons, touch, keys -------------------------------------------------------------

  // A mouse click leaves no focus behind, so Space afterwards still means start/pause.
  function onClick(id, action) {
    $(id).addEventListener("click", function (event) { action(); if (event.detail > 0) { event.currentTarget.blur(); } });
  }
  onClick("start", actions.toggle);
  onClick("add-minute", actions.addMinute);
  onClick("next", actions.next);
  onClick("previous", actions.previous);
  onClick("toggle-notes", actions.notes);
  onClick("catch-up-button", actions.catchUp);
  onClick("open-room", actions.room);
  onClick("toggle-cards", actions.cards);
  onClick("card-turn", actions.turn);
  onClick("card-back", actions.back);
  onClick("shuffle", actions.shuffle);
  onClick("deal", actions.deal);
  onClick("save-json", actions.saveJson);
  onClick("save-csv", actions.saveCsv);
  $("open-help").addEventListener("click", actions.help);
  $("close-help").addEventListener("click", function () { $("help").close(); });
  $("seed").addEventListener("change", function () {
    var seed = Math.floor(Number($("seed").value));
    if (seed >= 0 && seed <= 4294967295) { actions.reshuffle(seed); } else { $("seed").value = String(state.cards.seed); }
  });
  $("per-table").addEventListener("change", function () { if (state.cards.dealt) { actions.deal(); } });
  $("deck-select").addEventListener("change", function () {
    state.cards.deck = Number($("deck-select").value);
    state.cards.turned = 0;
    state.cards.dealt = false;
    changed();
  });
  document.querySelectorAll("#agenda li").forEach(function (item) {
    item.querySelector("button").addEventListener("click", function (event) {
      actions.go(Number(item.dataset.index));
      if (event.detail > 0) { event.currentTarget.blur(); }
    });
  });

  // Touch and mouse on the card: tap turns the next card, a swipe goes either way.
  var swipeFrom = null, swiped = false;
  $("card").addEventListener("pointerdown", function (event) { swipeFrom = event.clientX; swiped = false; });
  $("card").addEventListener("pointerup", function (event) {
    if (swipeFrom === null) { return; }
    var moved = event.clientX - swipeFrom;
    swipeFrom = null;
    if (Math.abs(moved) > 40) { swiped = true; if (moved < 0) { actions.turn(); } else { actions.back(); } }
  });
  $("card").addEventListener("click", function () { if (!swiped) { actions.turn(); } swiped = false; });

  var resetArmed = null;
  $("reset").addEventListener("click", function () {
    if (resetArmed === null) {
      setText($("reset"), L.reset_confirm);
      resetArmed = setTimeout(function () { resetArmed = null; setText($("reset"), L.reset); }, 5000);
      return;
    }
    clearTimeout(resetArmed);
    resetArmed = null;
    setText($("reset"), L.reset);
    state = fresh(state.rev);
    shownIndex = null;
    changed();
    announce(L.reset_done);
  });

  var keyedButtons = Array.prototype.slice.call(document.querySelectorAll("[aria-keyshortcuts]"));
  keyedButtons.forEach(function (button) { button.dataset.keys = button.getAttribute("aria-keyshortcuts"); });
  function applyShortcuts() {
    document.body.classList.toggle("no-shortcuts", !shortcutsOn);
    $("shortcuts-on").checked = shortcutsOn;
    keyedButtons.forEach(function (button) {
      if (shortcutsOn) { button.setAttribute("aria-keyshortcuts", button.dataset.keys); } else { button.removeAttribute("aria-keyshortcuts"); }
    });
  }
  $("shortcuts-on").addEventListener("change", function () {
    shortcutsOn = $("shortcuts-on").checked;
    prefs.shortcuts = shortcutsOn;
    writeStore(prefsKey, prefs);
    applyShortcuts();
  });

  var keys = {
    " ": actions.toggle, "n": actions.next, "N": actions.next, "ArrowRight": actions.next,
    "p": actions.previous, "P": actions.previous, "ArrowLeft": actions.previous,
    "+": actions.addMinute, "=": actions.addMinute, "f": actions.notes, "F": actions.notes,
    "a": actions.catchUp, "A": actions.catchUp, "r": actions.room, "R": actions.room,
    "c": actions.cards, "C": actions.cards, "t": actions.turn, "T": actions.turn,
    "b": actions.back, "B": actions.back, "?": actions.help
  };
  document.addEventListener("keydown", function (event) {
    if (!shortcutsOn || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || $("help").open) { return; }
    var target = event.target.closest ? event.target : document.body;
    if (target.closest("input, select, textarea, [contenteditable]")) { return; }  // typing a seed is not a shortcut
    if (target.closest("button, a, summary") && (event.key === " " || event.key === "Enter")) { return; }  // a focused control keeps its keys
    var action = keys[event.key];
    if (action) { event.preventDefault(); action(); }
  });

  // Keep a focused element clear of the controls stuck to the bottom of a small screen.
  var controls = $("controls");
  function controlsHeight() { document.documentElement.style.setProperty("--controls-height", controls.offsetHeight + "px"); }
  if (window.ResizeObserver) { new ResizeObserver(controlsHeight).observe(controls); }
  window.addEventListener("resize", stageFocusable);
  controlsHeight();

  render = renderPresenter;
  applyShortcuts();
  render();
  setInterval(tick, 250);
})();
