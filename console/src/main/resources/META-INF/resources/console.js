// Live updates over server-sent events; every page works without this file.
(function () {
  'use strict';

  // A field of the region has the focus or differs from what the page was rendered with.
  function beingEdited(region) {
    var active = document.activeElement;
    if (active && active !== document.body && region.contains(active) && active.form) { return true; }
    return Array.prototype.some.call(region.querySelectorAll('input, select, textarea'), function (field) {
      if (field.type === 'hidden') { return false; }
      if (field.type === 'checkbox' || field.type === 'radio') { return field.checked !== field.defaultChecked; }
      if (field.tagName === 'SELECT') {
        // without a selected attribute the first option is the default
        var rendered = Array.prototype.findIndex.call(field.options, function (o) { return o.defaultSelected; });
        return field.selectedIndex !== Math.max(rendered, 0);
      }
      return field.value !== field.defaultValue;
    });
  }

  // Parts of a page marked data-live-refresh are read again when an event arrives on that stream (at most every 1 s).
  document.querySelectorAll('[data-live-refresh]').forEach(function (region) {
    var key = region.getAttribute('data-live-key');
    var pending = null;
    var source = new EventSource(region.getAttribute('data-live-refresh'));
    var refresh = function (event) {
      if (key) {
        try { if (JSON.parse(event.data).key !== key) { return; } } catch (e) { return; }
      }
      if (pending) { return; }
      var reread = function () {
        // someone is filling in a form of this region (a reason, a comment): keep what they typed, read later
        if (beingEdited(region)) { pending = setTimeout(reread, 2000); return; }
        pending = null;
        fetch(location.href, { headers: { 'Accept': 'text/html' } }).then(function (r) { return r.text(); }).then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(region.id);
          if (fresh) { region.innerHTML = fresh.innerHTML; }
        });
      };
      pending = setTimeout(reread, 1000);
    };
    ['build', 'step', 'release'].forEach(function (name) { source.addEventListener(name, refresh); });
  });

  // A build's page: step and build states as their events arrive.
  var build = document.querySelector('#build[data-build]');
  if (build) {
    var id = build.getAttribute('data-build');
    var setRun = function (run, state) {
      document.querySelectorAll('[data-run]').forEach(function (el) {
        if (el.getAttribute('data-run') !== run) { return; }
        el.setAttribute('data-state', state);
        el.querySelectorAll('.state').forEach(function (badge) { badge.setAttribute('data-state', state); badge.textContent = state; });
      });
    };
    var setBuild = function (state) {
      build.setAttribute('data-state', state);
      var badge = document.getElementById('build-state');
      badge.setAttribute('data-state', state);
      badge.textContent = state;
    };
    var readAll = function () {
      fetch('/builds/' + encodeURIComponent(id) + '/state', { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (s) { setBuild(s.state); s.steps.forEach(function (step) { setRun(step.run, step.state); }); });
    };
    var events = new EventSource('/live/builds/' + encodeURIComponent(id));
    events.addEventListener('hello', readAll);
    events.addEventListener('step', function (e) { var d = JSON.parse(e.data); if (d.state) { setRun(d.run, d.state); } });
    // a build that ended: its facts (duration) and buttons (cancel, resume) change too
    var refreshFacts = function () {
      fetch(location.href, { headers: { 'Accept': 'text/html' } }).then(function (r) { return r.text(); }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        ['dl.facts', 'div.actions'].forEach(function (selector) {
          var now = build.querySelector(selector);
          var then = fresh.querySelector('#build ' + selector);
          if (now && then) { now.innerHTML = then.innerHTML; }
        });
      });
    };
    events.addEventListener('build', function (e) {
      var d = JSON.parse(e.data);
      if (d.state) { setBuild(d.state); }
      readAll();
      if (['succeeded', 'failed', 'cancelled'].indexOf(d.state) >= 0) { refreshFacts(); }
    });
  }

  // A running step's log grows at the bottom until the run ends.
  var log = document.querySelector('pre#log[data-finished="false"]');
  if (log) {
    var badge = document.getElementById('live-badge');
    var tail = new EventSource('/live/builds/' + encodeURIComponent(log.getAttribute('data-build')) + '/steps/'
        + encodeURIComponent(log.getAttribute('data-run')) + '/log?from=' + log.getAttribute('data-from'));
    var append = function (e) {
      var atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
      log.appendChild(document.createTextNode(JSON.parse(e.data).text));
      if (atBottom) { log.scrollTop = log.scrollHeight; }
    };
    tail.addEventListener('hello', function () { if (badge) { badge.hidden = false; } });
    tail.addEventListener('log', append);
    tail.addEventListener('end', function (e) { append(e); tail.close(); if (badge) { badge.hidden = true; } log.setAttribute('data-finished', 'true'); });
  }
})();
