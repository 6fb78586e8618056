/// The page's script. It replays nothing: every status, figure and change was worked out by
/// missionmap (`PageData`) and embedded as JSON; the script finds the step or interval of a
/// date by binary search and sets the map's classes (the map's own class names, so that its
/// stylesheet colours them), the figures, the table and the list of changes. All text goes in
/// through `textContent` and attributes, never as markup.
enum PageScript {
    static let javaScript = #"""
    (function () {
      "use strict";
      var data = JSON.parse(document.getElementById("pg-data").textContent);
      var root = document.documentElement;
      root.className = root.className.replace("no-js", "js");

      // The index of the last start not after `day` (ISO dates compare as text; a null start
      // is open): the search of PageData.index in missionmap.
      function index(starts, day) {
        var low = 0, high = starts.length - 1;
        while (low < high) {
          var mid = (low + high + 1) >> 1;
          if (starts[mid] !== null && starts[mid] <= day) { low = mid; } else { high = mid - 1; }
        }
        return low;
      }
      function table(intervals) {
        return { starts: intervals.map(function (i) { return i[0]; }), values: intervals.map(function (i) { return i[2]; }) };
      }
      function lookup(t, day) { return t.values[index(t.starts, day)]; }
      function byKey(object, make) {
        var out = {};
        Object.keys(object).forEach(function (k) { out[k] = make(object[k]); });
        return out;
      }
      var posts = byKey(data.posts, function (p) { return { tip: p.tip, t: table(p.i) }; });
      var countries = byKey(data.countries, function (c) { return { name: c.name, t: table(c.i) }; });
      var links = byKey(data.links, table);
      var statuses = data.statuses;

      function setClass(el, value) { el.setAttribute("class", value); }
      function titleOf(el) {
        for (var c = el.firstChild; c; c = c.nextSibling) { if (c.nodeName === "title") { return c; } }
        return null;
      }
      var map = document.querySelector(".pg-map svg");
      var markers = Array.prototype.map.call(map.querySelectorAll("#posts [data-post]"), function (el) {
        var rest = el.getAttribute("class").split(" ").filter(function (c) { return c !== "post" && statuses.indexOf(c) < 0; });
        return { el: el, id: el.getAttribute("data-post"), rest: rest.join(" "), title: titleOf(el) };
      });
      var labels = Array.prototype.map.call(map.querySelectorAll("#labels [data-post]"), function (el) {
        var cover = el.getAttribute("class").split(" ").indexOf("cross-accredited") >= 0;
        return { el: el, id: el.getAttribute("data-post"), names: cover ? "cross-accredited" : "open" };
      });
      var shapes = Array.prototype.filter.call(map.querySelectorAll("#countries [data-iso]"), function (el) {
        return countries.hasOwnProperty(el.getAttribute("data-iso"));
      }).map(function (el) { return { el: el, iso: el.getAttribute("data-iso"), title: titleOf(el) }; });
      var arcs = Array.prototype.map.call(map.querySelectorAll("#accreditations [data-link]"), function (el) {
        return { el: el, key: el.getAttribute("data-link") };
      });
      var mapTitle = document.getElementById("pg-map-title");
      var mapAsOf = document.getElementById("pg-map-as-of");

      function drawMap(day) {
        markers.forEach(function (m) {
          var p = posts[m.id];
          if (!p) { return; }
          var status = lookup(p.t, day);
          if (status === "absent") { setClass(m.el, "post " + m.rest + " pg-off"); return; }
          setClass(m.el, "post " + status + " " + m.rest);
          if (m.title) { m.title.textContent = p.tip + ", " + status + " [" + m.id + "]"; }
        });
        labels.forEach(function (l) {
          var p = posts[l.id];
          var status = p ? lookup(p.t, day) : "absent";
          // A label shows while its post is open (a covered host's name while it is covered).
          setClass(l.el, status === l.names ? "label " + status : "label pg-off");
        });
        shapes.forEach(function (s) {
          var c = countries[s.iso];
          var status = lookup(c.t, day);
          setClass(s.el, "country host-" + status);
          if (s.title) { s.title.textContent = c.name + ": " + data.hostLabels[status]; }
        });
        arcs.forEach(function (a) {
          var t = links[a.key];
          setClass(a.el, t && lookup(t, day) === "on" ? "accreditation" : "accreditation pg-off");
        });
        if (mapTitle) { mapTitle.textContent = data.title + ", " + day; }
        if (mapAsOf) { mapAsOf.textContent = mapAsOf.textContent.replace(/^As of \d{4}-\d{2}-\d{2}\./, "As of " + day + "."); }
      }

      function element(name, text) {
        var el = document.createElement(name);
        if (text !== undefined) { el.textContent = text; }
        return el;
      }
      function fill(list, items) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        items.forEach(function (item) { list.appendChild(item); });
      }

      var rowsBody = document.getElementById("pg-rows");
      var notesList = document.getElementById("pg-notes");
      var changesList = document.getElementById("pg-changes");
      var changesHeading = document.getElementById("pg-changes-heading");

      function drawFigures(step, shown) {
        data.figureNames.forEach(function (name, i) {
          document.querySelector('[data-figure="' + name + '"]').textContent = String(data.figures[step][i]);
        });
        fill(rowsBody, data.rows[step].map(function (cells, r) {
          var tr = element("tr");
          var th = element("th", data.regions[r]);
          th.setAttribute("scope", "row");
          tr.appendChild(th);
          cells.forEach(function (cell) { tr.appendChild(element("td", String(cell))); });
          return tr;
        }));
        // A step's notes speak of its first day; the shown day has the same figures.
        var from = data.days[step];
        fill(notesList, data.stepNotes[step].map(function (n) {
          return element("li", from === null ? data.notes[n] : data.notes[n].split("on or before " + from).join("on or before " + shown));
        }));
        var day = data.days[step], previous = step >= 2 ? data.days[step - 1] : null;
        var events = data.changes[step];
        changesHeading.textContent = day === null ? "Before the first event"
          : events.length === 0 ? "No event after " + (previous || "the start") + " up to " + day
          : "Changes up to " + day + ", " + (previous ? "since " + previous : "since the start of the log");
        fill(changesList, events.map(function (c) {
          var li = element("li");
          li.appendChild(element("time", c[0]));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(element("strong", c[1]));
          li.appendChild(document.createTextNode(": " + c[2] + ". Source: "));
          // Only http(s) links, as missionmap checked them; anything else stays text.
          if (c[3] !== null && /^https?:\/\//i.test(c[3])) {
            var a = element("a", c[4]);
            a.setAttribute("href", c[3]);
            a.setAttribute("rel", "noopener noreferrer");
            li.appendChild(a);
          } else {
            li.appendChild(document.createTextNode(c[4]));
          }
          return li;
        }));
      }

      var slider = document.getElementById("pg-slider");
      var dateInput = document.getElementById("pg-date");
      var dayText = document.getElementById("pg-day");
      var where = document.getElementById("pg-where");
      var play = document.getElementById("pg-play");
      var last = data.days.length - 1;

      var shownDay = null, shownStep = 0;
      // Shows a day (YYYY-MM-DD): the step in force then, the slider on it.
      function show(day) {
        var note = "";
        if (day > data.last) { note = " (after the page's last date: shown as of " + data.last + ")"; day = data.last; }
        var step = index(data.days, day);
        if (step === 0) { note = " (before the first event, " + data.first + ")"; }
        else if (data.days[step] !== day) { note = " (last change " + data.days[step] + ")"; }
        slider.value = String(Math.max(0, step - 1));
        slider.setAttribute("aria-valuetext", day);
        dateInput.value = day < data.first ? data.first : day;
        dayText.textContent = day;
        dayText.setAttribute("datetime", day);
        where.textContent = note;
        drawFigures(step, day);
        drawMap(day);
        shownDay = day;
        shownStep = step;
      }

      function go(day) {
        try { history.replaceState(null, "", "#date=" + day); } catch (e) { location.replace("#date=" + day); }
        show(day);
      }

      // The date of the address (#date=YYYY-MM-DD), if it is a real day.
      function hashDay() {
        var m = /^#date=(\d{4})-(\d{2})-(\d{2})$/.exec(location.hash);
        if (!m) { return null; }
        var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
        if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) { return null; }
        return m[1] + "-" + m[2] + "-" + m[3];
      }

      var timer = null;
      function stop() {
        if (timer !== null) { clearInterval(timer); timer = null; }
        play.textContent = "Play";
        play.setAttribute("aria-pressed", "false");
      }
      // One event on or back (the slider's positions are steps 1 to last); back from a day
      // between two events goes first to the event in force on it.
      function step(by) {
        var from = by < 0 && shownStep > 0 && data.days[shownStep] !== shownDay ? shownStep + 1 : shownStep;
        var next = Math.min(last, Math.max(1, from + by));
        go(data.days[next]);
        return next - 1;
      }
      play.addEventListener("click", function () {
        if (timer !== null) { stop(); return; }
        if (+slider.value >= last - 1) { go(data.days[1]); }
        play.textContent = "Pause";
        play.setAttribute("aria-pressed", "true");
        timer = setInterval(function () { if (step(1) >= last - 1) { stop(); } }, 700);
      });
      document.getElementById("pg-previous").addEventListener("click", function () { stop(); step(-1); });
      document.getElementById("pg-next").addEventListener("click", function () { stop(); step(1); });
      slider.addEventListener("input", function () { stop(); go(data.days[+slider.value + 1]); });
      dateInput.addEventListener("change", function () { if (/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) { stop(); go(dateInput.value); } });
      window.addEventListener("hashchange", function () { var d = hashDay(); if (d) { show(d); } });

      document.getElementById("pg-controls").hidden = false;
      var start = hashDay();
      show(start || data.last);
      if (start === null && location.hash) { where.textContent = " (the address names no valid date: the last one is shown)"; }
    })();
    """#
}
