/* mkdocs-archdesign: filter and sort the architecture catalog table.
 *
 * Plain JavaScript, no dependency. Without JavaScript the full table is still there;
 * the filter bar stays hidden because it would do nothing.
 * Per row, the search text, status, owner and tags are read once at start-up, so a
 * keystroke only compares strings and flips `hidden` on rows whose state changes.
 * At most ROW_LIMIT matching rows are shown at once (a "Show more" button adds the next
 * ones): un-hiding 10,000 rows costs the browser a quarter of a second per keystroke.
 */
(function () {
  "use strict";

  var TEXT_DELAY_MS = 40; // short enough to feel instant, long enough to skip bursts
  var ROW_LIMIT = 1000; // rows shown at once; the measured 10,000-row cost is in benchmarks/

  function readRows(tbody) {
    var rows = Array.prototype.slice.call(tbody.rows);
    return rows.map(function (el) {
      var tags = [];
      try {
        tags = JSON.parse(el.getAttribute("data-tags") || "[]");
      } catch (e) {
        tags = [];
      }
      return {
        el: el,
        status: el.getAttribute("data-status") || "",
        owner: el.getAttribute("data-owner") || "",
        tags: tags,
        search: el.getAttribute("data-search") || "",
        shown: true,
      };
    });
  }

  function Catalog(root) {
    this.root = root;
    this.form = root.querySelector(".archdesign-catalog__filters");
    this.table = root.querySelector("table");
    this.tbody = this.table.tBodies[0];
    this.count = root.querySelector("[data-count]");
    this.rows = readRows(this.tbody);
    this.sortState = { index: -1, descending: false, key: "" };
    this.timer = null;
    this.limit = ROW_LIMIT;
    // Only long tables get the button: shorter ones keep exactly their markup.
    this.more = this.rows.length > this.limit ? this.createMoreButton() : null;
    this.bindFilters();
    this.bindSorting();
    if (this.form) {
      this.form.hidden = false;
    }
    var self = this;
    this.original = this.rows.slice();
    this.onPopState = function () {
      if (!document.contains(root)) { // Material's instant navigation replaced the page
        window.removeEventListener("popstate", self.onPopState);
        return;
      }
      self.restore();
    };
    window.addEventListener("popstate", this.onPopState);
    if (!this.restore() && this.rows.length > this.limit) {
      this.apply();
    }
  }

  /* The view lives in the URL, keyed by the filter names with the dropdowns' own values
   * (?status=approved&owner=@alice&tag=x&q=words&sort=owner&order=desc), so a filtered
   * view can be shared and the back button returns to the previous one. */
  var URL_KEYS = { status: "status", owner: "owner", tag: "tag", text: "q" };

  Catalog.prototype.restore = function () {
    var params = new URLSearchParams(window.location.search);
    var changed = false;
    var self = this;
    Object.keys(URL_KEYS).forEach(function (name) {
      var control = self.control(name);
      if (!control) { return; }
      var wanted = params.get(URL_KEYS[name]) || "";
      if (control.tagName === "SELECT" && wanted &&
          !Array.prototype.some.call(control.options, function (o) { return o.value === wanted; })) {
        wanted = ""; // a value no design has (any more): show everything instead of nothing
      }
      if (control.value !== wanted) { control.value = wanted; changed = true; }
    });
    var sortKey = params.get("sort") || "";
    var descending = params.get("order") === "desc";
    var th = sortKey ? this.table.querySelector('thead th[data-key="' + sortKey.replace(/[^a-z0-9_-]/gi, "") + '"]') : null;
    if (th && (this.sortState.key !== sortKey || this.sortState.descending !== descending)) {
      this.sortTo(th, descending);
      changed = true;
    } else if (!th && this.sortState.key) {
      this.unsort();
      changed = true;
    }
    if (changed || params.toString()) {
      this.apply();
      return true;
    }
    return false;
  };

  Catalog.prototype.unsort = function () {
    this.rows = this.original.slice();
    var fragment = document.createDocumentFragment();
    this.rows.forEach(function (row) { fragment.appendChild(row.el); });
    this.tbody.appendChild(fragment);
    Array.prototype.forEach.call(this.table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    this.sortState = { index: -1, descending: false, key: "" };
  };

  Catalog.prototype.save = function () {
    var params = new URLSearchParams(window.location.search);
    var self = this;
    Object.keys(URL_KEYS).forEach(function (name) {
      var value = self.value(name);
      if (value) { params.set(URL_KEYS[name], value); } else { params.delete(URL_KEYS[name]); }
    });
    if (this.sortState.key) {
      params.set("sort", this.sortState.key);
      if (this.sortState.descending) { params.set("order", "desc"); } else { params.delete("order"); }
    }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState(null, "", url);
    }
  };

  Catalog.prototype.createMoreButton = function () {
    var self = this;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "archdesign-catalog__more md-button";
    button.hidden = true;
    button.addEventListener("click", function () {
      self.limit += ROW_LIMIT;
      self.apply();
    });
    var scroll = this.table.parentNode;
    scroll.parentNode.insertBefore(button, scroll.nextSibling);
    return button;
  };

  Catalog.prototype.control = function (name) {
    return this.form ? this.form.querySelector('[data-filter="' + name + '"]') : null;
  };

  Catalog.prototype.value = function (name) {
    var control = this.control(name);
    return control ? control.value : "";
  };

  Catalog.prototype.bindFilters = function () {
    var self = this;
    ["status", "owner", "tag"].forEach(function (name) {
      var control = self.control(name);
      if (control) {
        control.addEventListener("change", function () { self.apply(); self.save(); });
      }
    });
    var text = this.control("text");
    if (text) {
      text.addEventListener("input", function () {
        window.clearTimeout(self.timer);
        self.timer = window.setTimeout(function () { self.apply(); self.save(); }, TEXT_DELAY_MS);
      });
    }
  };

  /* Show the rows matching every filter (up to the limit); returns how many match. */
  Catalog.prototype.apply = function () {
    var status = this.value("status");
    var owner = this.value("owner");
    var tag = this.value("tag");
    var words = this.value("text").toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    var visible;
    for (var i = 0; i < this.rows.length; i++) {
      var row = this.rows[i];
      var match = (!status || row.status === status) &&
        (!owner || row.owner === owner) &&
        (!tag || row.tags.indexOf(tag) !== -1);
      for (var w = 0; match && w < words.length; w++) {
        match = row.search.indexOf(words[w]) !== -1;
      }
      if (match) {
        shown++;
      }
      visible = match && shown <= this.limit;
      if (visible !== row.shown) {
        row.el.hidden = !visible;
        row.shown = visible;
      }
    }
    var hiddenMatches = shown - Math.min(shown, this.limit);
    if (this.count) {
      this.count.textContent = shown + " of " + this.rows.length + " designs" +
        (hiddenMatches ? " (first " + this.limit + " shown)" : "");
    }
    if (this.more) {
      this.more.hidden = hiddenMatches === 0;
      this.more.textContent = "Show " + Math.min(hiddenMatches, ROW_LIMIT) + " more";
    }
    return shown;
  };

  Catalog.prototype.bindSorting = function () {
    var self = this;
    var headers = this.table.tHead ? this.table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "archdesign-catalog__sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { self.sortBy(index, th); self.save(); });
    });
  };

  function sortValue(row, index, numeric) {
    var cell = row.el.cells[index];
    if (!cell) {
      return numeric ? 0 : "";
    }
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return numeric ? parseFloat(raw) || 0 : raw.trim().toLowerCase();
  }

  Catalog.prototype.sortBy = function (index, th) {
    var state = this.sortState;
    this.sortTo(th, state.index === index ? !state.descending : false);
  };

  Catalog.prototype.sortTo = function (th, descending) {
    var state = this.sortState;
    var index = Array.prototype.indexOf.call(th.parentNode.cells, th);
    state.descending = descending;
    state.index = index;
    state.key = th.getAttribute("data-key");
    var numeric = th.getAttribute("data-type") === "number";
    var direction = state.descending ? -1 : 1;
    var keyed = this.rows.map(function (row, position) {
      return { row: row, key: sortValue(row, index, numeric), position: position };
    });
    keyed.sort(function (a, b) {
      if (a.key < b.key) { return -direction; }
      if (a.key > b.key) { return direction; }
      return a.position - b.position; // stable: ties keep the previous order
    });
    this.rows = keyed.map(function (item) { return item.row; });
    var fragment = document.createDocumentFragment();
    this.rows.forEach(function (row) { fragment.appendChild(row.el); });
    this.tbody.appendChild(fragment);
    Array.prototype.forEach.call(th.parentNode.cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
    if (this.rows.length > this.limit) {
      this.apply(); // the rows shown are the first ones in the new order
    }
  };

  function init() {
    var roots = document.querySelectorAll("[data-archdesign-catalog]");
    var instances = [];
    Array.prototype.forEach.call(roots, function (root) {
      if (!root.archdesignCatalog) {
        root.archdesignCatalog = new Catalog(root);
      }
      instances.push(root.archdesignCatalog);
    });
    window.archdesignCatalog = { instances: instances };
  }

  // Material's instant navigation swaps the page without reloading scripts; document$
  // emits on every page it shows, including the first.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
