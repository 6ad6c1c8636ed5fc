// Web Push on this browser: the form is shown only where the browser can receive push messages. Its button
// asks for permission, subscribes with the deployment's key through the push worker (push-sw.js) and sends the
// subscription with the form, an ordinary POST with its CSRF token. Without this script nothing is offered.
(function () {
  var form = document.querySelector('form[data-push-key]');
  if (!form || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return;
  }
  var status = form.querySelector('.push-status');
  form.hidden = false;

  function applicationServerKey(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  // A worker outside the page's scope never controls it, so wait for the registration itself to be active.
  function activated(registration) {
    if (registration.active) {
      return Promise.resolve(registration);
    }
    var worker = registration.installing || registration.waiting;
    return new Promise(function (resolve) {
      worker.addEventListener('statechange', function () {
        if (worker.state === 'activated') {
          resolve(registration);
        }
      });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') {
        status.textContent = form.getAttribute('data-push-denied');
        return;
      }
      return navigator.serviceWorker.register(form.getAttribute('data-push-worker'))
        .then(activated)
        .then(function (registration) {
          return registration.pushManager.getSubscription().then(function (existing) {
            return existing || registration.pushManager.subscribe({
              userVisibleOnly: true,
              applicationServerKey: applicationServerKey(form.getAttribute('data-push-key'))
            });
          });
        })
        .then(function (subscription) {
          var json = subscription.toJSON();
          form.elements.endpoint.value = json.endpoint;
          form.elements.p256dh.value = json.keys.p256dh;
          form.elements.auth.value = json.keys.auth;
          form.submit();
        });
    }).catch(function () {
      status.textContent = form.getAttribute('data-push-failed');
    });
  });
})();
