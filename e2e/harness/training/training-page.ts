// The training harness page (written by the issue-6 work on this harness).
const log = document.getElementById('log')
if (log) log.textContent = 'not built yet'
