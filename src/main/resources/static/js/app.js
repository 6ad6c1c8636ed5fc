// The portal's pages work without this script. With it: the focus goes to a refused form's error summary; the
// keypad's "next" key leads through a form's fields; a STOCK figure is confirmed as last month's with one tap;
// and the village report is kept on the phone while it is typed (drafts), kept there when it is sent without
// a connection (the outbox, which the service worker sends when the connection is back), and forgotten on
// sign-out. Drafts and outbox are keyed by the signed-in user (an opaque "owner" the server writes) and by
// the form's address, which names the village and the month; they hold the form's values and nothing else.
(function () {
  'use strict';
  var body = document.body;
  var owner = body.getAttribute('data-owner');

  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }

  /** The field a person fills in after this one: the next visible text field of the form. */
  function nextField(field) {
    var fields = Array.prototype.filter.call(field.form.elements, function (candidate) {
      return (candidate.tagName === 'TEXTAREA' || /^(text|number|search|email|tel|url|date|password)$/.test(candidate.type))
        && !candidate.disabled && candidate.offsetParent !== null;
    });
    return fields[fields.indexOf(field) + 1];
  }
  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key !== 'Enter' || !field.form || field.getAttribute('enterkeyhint') !== 'next') {
      return;
    }
    // "next" never sends the form: the buttons do
    event.preventDefault();
    var next = nextField(field);
    if (next) {
      next.focus();
    }
  });

  // --- the phone's store: one IndexedDB database shared with the service worker (sw.js)
  function store(name, mode, work) {
    return new Promise(function (done, fail) {
      var open = indexedDB.open('cnscd', 1);
      open.onupgradeneeded = function () {
        open.result.createObjectStore('drafts');
        open.result.createObjectStore('outbox');
        open.result.createObjectStore('meta');
      };
      open.onerror = function () { fail(open.error); };
      open.onsuccess = function () {
        var transaction = open.result.transaction(name, mode);
        var request = work(transaction.objectStore(name));
        transaction.oncomplete = function () { done(request && request.result); };
        transaction.onerror = function () { fail(transaction.error); };
      };
    });
  }
  function read(name, key) { return store(name, 'readonly', function (s) { return s.get(key); }); }
  function write(name, key, value) { return store(name, 'readwrite', function (s) { return s.put(value, key); }); }
  function remove(name, key) { return store(name, 'readwrite', function (s) { return s.delete(key); }); }
  function all(name) {
    var found = [];
    return store(name, 'readonly', function (s) {
      s.openCursor().onsuccess = function (event) {
        var cursor = event.target.result;
        if (cursor) {
          found.push({ key: cursor.key, value: cursor.value });
          cursor.continue();
        }
      };
    }).then(function () { return found; });
  }

  function worker(message) {
    if ('serviceWorker' in navigator && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage(message);
    }
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(body.getAttribute('data-worker'), { scope: body.getAttribute('data-scope') });
    navigator.serviceWorker.addEventListener('message', function (event) {
      if (event.data && event.data.path === location.pathname) {
        location.reload();
      }
    });
  }

  // Sign-out forgets what this user kept on the phone, then signs out.
  var signOut = document.querySelector('form[data-sign-out]');
  if (signOut && owner && window.indexedDB) {
    signOut.addEventListener('submit', function (event) {
      event.preventDefault();
      var mine = function (entry) { return entry.key.indexOf(owner + '|') === 0; };
      Promise.all(['drafts', 'outbox'].map(function (name) {
        return all(name).then(function (entries) {
          return Promise.all(entries.filter(mine).map(function (entry) { return remove(name, entry.key); }));
        });
      }).concat(window.caches ? [caches.delete('pages')] : [])).catch(function () {}).then(function () {
        signOut.submit();
      });
    });
  }

  if (!owner || !window.indexedDB) {
    return;
  }
  var saved = body.getAttribute('data-saved');
  if (saved) {
    // the server confirmed the save of this form: the phone's copies of it are done with
    remove('drafts', owner + '|' + saved);
    remove('outbox', owner + '|' + saved);
  }
  worker({ type: 'flush' });
  window.addEventListener('online', function () { worker({ type: 'flush' }); });

  function time(at) {
    return new Date(at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false });
  }
  function say(where, text, kind) {
    var notice = document.createElement('p');
    notice.className = 'alert ' + (kind || 'alert-info');
    notice.setAttribute('role', 'status');
    notice.setAttribute('data-offline-notice', '');
    notice.textContent = text;
    var old = where.querySelector('[data-offline-notice]');
    if (old) {
      old.remove();
    }
    where.insertBefore(notice, where.firstChild);
    return notice;
  }

  // The home page says what waits on the phone to be sent.
  var outboxList = document.querySelector('[data-outbox]');
  if (outboxList) {
    all('outbox').then(function (entries) {
      entries.filter(function (entry) { return entry.key.indexOf(owner + '|') === 0; }).forEach(function (entry) {
        var line = document.createElement('p');
        line.className = 'alert ' + (entry.value.state === 'refused' ? 'alert-error' : 'alert-info');
        var link = document.createElement('a');
        link.href = entry.value.path;
        link.textContent = outboxList.getAttribute(entry.value.state === 'refused' ? 'data-refused' : 'data-queued');
        line.appendChild(link);
        outboxList.appendChild(line);
      });
    });
  }

  var form = document.querySelector('form[data-draft]');
  if (!form) {
    return;
  }
  var path = form.getAttribute('data-draft');
  var key = owner + '|' + path;
  var skipped = { _csrf: true, _seal: true, version: true, action: true };

  function valuesOf() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || skipped[field.name] || field.type === 'submit') {
        return;
      }
      if (field.type === 'checkbox') {
        values[field.name] = field.checked ? field.value : '';
      }
      else if (field.value !== '') {
        values[field.name] = field.value;
      }
    });
    return values;
  }
  function fill(values) {
    var changed = false;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || skipped[field.name] || field.type === 'submit' || !(field.name in values)) {
        return;
      }
      if (field.type === 'checkbox') {
        var checked = values[field.name] === field.value;
        changed = changed || field.checked !== checked;
        field.checked = checked;
      }
      else if (field.value !== values[field.name]) {
        changed = true;
        field.value = values[field.name];
        var details = field.closest('details');
        if (details && field.value) {
          details.open = true;
        }
      }
    });
    return changed;
  }
  function fromBody(text) {
    var values = {};
    new URLSearchParams(text).forEach(function (value, name) {
      if (!skipped[name]) {
        values[name] = value;
      }
    });
    return values;
  }
  function keepDraft() {
    write('drafts', key, { path: path, at: Date.now(), values: valuesOf() });
  }

  // One tap confirms a STOCK figure as last month's: it fills the field, and the box says it was confirmed.
  form.querySelectorAll('[data-unchanged-for]').forEach(function (box) {
    var field = document.getElementById(box.getAttribute('data-unchanged-for'));
    box.addEventListener('change', function () {
      if (box.checked) {
        field.value = box.getAttribute('data-previous');
        var next = nextField(field);
        if (next) {
          next.focus();
        }
      }
      keepDraft();
    });
    field.addEventListener('input', function () {
      box.checked = field.value === box.getAttribute('data-previous') && box.checked;
    });
  });

  Promise.all([read('outbox', key), read('drafts', key)]).then(function (found) {
    var queued = found[0];
    var draft = found[1];
    if (saved === path || form.hasAttribute('data-kept')) {
      // saved, or kept by the server after the session ended and shown filled in: nothing to restore
      return;
    }
    if (queued) {
      fill(fromBody(queued.body));
      say(form, form.getAttribute('data-queued'), 'alert-warn');
      return;
    }
    if (draft && fill(draft.values)) {
      say(form, form.getAttribute('data-restored').replace('{0}', time(draft.at)));
    }
  });

  form.addEventListener('input', keepDraft);
  form.addEventListener('submit', function (event) {
    if (navigator.onLine !== false) {
      return;
    }
    // no connection at all: keep the report on the phone; the service worker sends it when the connection is back
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form, event.submitter));
    write('outbox', key, { path: path, at: Date.now(), body: data.toString(), state: 'queued' }).then(function () {
      worker({ type: 'queued' });
      say(form, form.getAttribute('data-queued'), 'alert-warn').scrollIntoView();
    });
  });
})();
