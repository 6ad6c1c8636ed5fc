// The portal's service worker (served at /sw.js by offline.ServiceWorkerController, which writes ASSETS and
// VERSION above this text). It keeps the pages' assets (their addresses carry a hash of their content, so a
// kept copy is never stale), the home page and the last form opened, for the signed-in user only: every page
// says whose it is (X-Portal-Owner), and a page of anyone else, or of no one, empties what was kept. A village
// report sent when the network fails is kept in the outbox (IndexedDB, shared with app.js) and sent again by
// Background Sync where the browser has it, else when a page opens or the browser comes back online; its
// form key makes the server count it once. A refusal is kept, and shown when the form is next opened.
'use strict';
var ASSETS_CACHE = 'assets-' + VERSION;
var PAGES_CACHE = 'pages';
var FORM = /^\/villages\/\d+\/reports\/\d{4}-\d{2}$/;

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
function keys(name) { return store(name, 'readonly', function (s) { return s.getAllKeys(); }); }

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(ASSETS_CACHE).then(function (cache) {
    return cache.addAll(ASSETS);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf('assets-') === 0 && name !== ASSETS_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

/** Who the portal last said is signed in; a change forgets the pages kept for the one before. */
function owner() {
  return read('meta', 'owner').then(function (who) { return who || ''; });
}
function seen(who) {
  return owner().then(function (before) {
    if (before === who) {
      return null;
    }
    return caches.delete(PAGES_CACHE).then(function () { return write('meta', 'owner', who); });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method === 'GET' && /^\/(css|js|icons)\//.test(url.pathname)) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(ASSETS_CACHE).then(function (cache) { return cache.put(request, copy); });
        }
        return response;
      });
    }));
    return;
  }
  if (request.mode !== 'navigate') {
    return;
  }
  if (request.method === 'POST' && FORM.test(url.pathname)) {
    event.respondWith(sendOrKeep(request, url.pathname));
  }
  else if (request.method === 'GET') {
    event.respondWith(page(request, url.pathname));
  }
});

function page(request, path) {
  return owner().then(function (who) {
    return who && FORM.test(path) ? read('outbox', who + '|' + path).then(function (entry) {
      if (entry && entry.state === 'refused') {
        // the server's answer to the report sent in the background: its messages, with the values kept
        return remove('outbox', who + '|' + path).then(function () {
          return new Response(entry.html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
        });
      }
      return null;
    }) : null;
  }).then(function (refused) {
    return refused || fetch(request).then(function (response) {
      if (response.type === 'opaqueredirect') {
        return response;
      }
      var who = response.headers.get('X-Portal-Owner') || '';
      return seen(who).then(function () {
        if (who && response.status === 200 && (path === '/' || FORM.test(path))) {
          var copy = response.clone();
          return caches.open(PAGES_CACHE).then(function (cache) {
            return cache.put(path, copy);
          }).then(function () { return response; });
        }
        return response;
      });
    }, function (offline) {
      return Promise.all([owner(), caches.open(PAGES_CACHE).then(function (cache) { return cache.match(path); })])
        .then(function (found) {
          var kept = found[1];
          if (found[0] && kept && kept.headers.get('X-Portal-Owner') === found[0]) {
            return kept;
          }
          throw offline;
        });
    });
  });
}

/** A report sent through the network, or, when the network fails, kept to be sent later. */
function sendOrKeep(request, path) {
  var body = request.clone().text();
  return fetch(request).catch(function () {
    return Promise.all([owner(), body]).then(function (found) {
      if (!found[0]) {
        return Response.error();
      }
      return write('outbox', found[0] + '|' + path, { path: path, at: Date.now(), body: found[1], state: 'queued' })
        .then(function () {
          if (self.registration.sync) {
            self.registration.sync.register('outbox').catch(function () {});
          }
          return Response.redirect(path, 303);
        });
    });
  });
}

self.addEventListener('sync', function (event) {
  if (event.tag === 'outbox') {
    event.waitUntil(flush());
  }
});

self.addEventListener('message', function (event) {
  if (event.data && (event.data.type === 'flush' || event.data.type === 'queued')) {
    if (event.data.type === 'queued' && self.registration.sync) {
      self.registration.sync.register('outbox').catch(function () {});
    }
    event.waitUntil(flush());
  }
});

var flushing = null;
function flush() {
  if (!flushing) {
    flushing = owner().then(function (who) {
      return keys('outbox').then(function (all) {
        return all.filter(function (key) { return who && key.indexOf(who + '|') === 0; })
          .reduce(function (before, key) {
            return before.then(function () { return send(who, key); });
          }, Promise.resolve());
      });
    }).catch(function () {}).then(function () { flushing = null; });
  }
  return flushing;
}

function tell(path, outcome) {
  return self.clients.matchAll({ type: 'window' }).then(function (windows) {
    windows.forEach(function (client) { client.postMessage({ path: path, outcome: outcome }); });
  });
}

/**
 * Sends one kept report with the session's current CSRF token (the one written in the report when it was kept
 * may have been replaced by a new sign-in since). While signed out it waits: the next page after signing in
 * sends it.
 */
function send(who, key) {
  return read('outbox', key).then(function (entry) {
    if (!entry || entry.state === 'refused') {
      return null;
    }
    return fetch(entry.path, { credentials: 'same-origin' }).then(function (form) {
      if (new URL(form.url).pathname !== entry.path || form.headers.get('X-Portal-Owner') !== who) {
        entry.state = 'signin';
        return write('outbox', key, entry);
      }
      return form.text().then(function (html) {
        var token = /name="_csrf" value="([^"]+)"/.exec(html);
        var data = new URLSearchParams(entry.body);
        if (token) {
          data.set('_csrf', token[1]);
        }
        return fetch(entry.path, { method: 'POST', body: data, credentials: 'same-origin' });
      }).then(function (answer) {
        var landed = new URL(answer.url).pathname;
        if (answer.redirected && landed === entry.path) {
          return Promise.all([remove('outbox', key), remove('drafts', key)]).then(function () {
            return tell(entry.path, 'sent');
          });
        }
        if (landed !== entry.path) {
          entry.state = 'signin';
          return write('outbox', key, entry);
        }
        return answer.text().then(function (html) {
          entry.state = 'refused';
          entry.html = html;
          return write('outbox', key, entry).then(function () { return tell(entry.path, 'refused'); });
        });
      });
    }, function () {
      return null;
    });
  });
}
