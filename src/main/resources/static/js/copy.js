// A copy button for a read-only text: shown only where this script runs and the clipboard is reachable;
// without it the text stays selectable by hand.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(source.value).then(function () {
      button.textContent = button.getAttribute('data-copied');
    });
  });
});
