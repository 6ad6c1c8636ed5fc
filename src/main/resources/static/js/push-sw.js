// The portal's Web Push in a service worker: shows what the portal sends ({title, body, url, tag}, see
// notification.PushChannel) and opens the page it is about when tapped. push.js registers this file as a worker
// of its own (scope /js/, so it takes no page over); a worker of the whole site may instead load it with
// importScripts('/js/push-sw.js') and push.js then register that one.
self.addEventListener('push', function (event) {
  var message = {};
  if (event.data) {
    try {
      message = event.data.json();
    } catch (notJson) {
      message = { body: event.data.text() };
    }
  }
  event.waitUntil(self.registration.showNotification(message.title || '', {
    body: message.body || '',
    tag: message.tag,
    icon: '/favicon.svg',
    data: { url: message.url || '/' }
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
  if (url.origin !== self.location.origin) {
    url = new URL('/', self.location.origin);
  }
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === url.href && 'focus' in windows[i]) {
        return windows[i].focus();
      }
    }
    return self.clients.openWindow(url.href);
  }));
});
