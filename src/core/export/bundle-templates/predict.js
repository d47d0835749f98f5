// predict.html's script: builds the form from input-schema.json, scores rows with the bundle's
// runtime (the same recipe and model code as the studio), and offers the results as CSV.
;(function () {
  'use strict'
  var runtime = window.ModelStudioRuntime
  var bundle = window.MODEL_STUDIO_BUNDLE
  var $ = function (id) {
    return document.getElementById(id)
  }
  var predictor = null
  var lastRows = null
  var MAX_SHOWN = 200

  function text(tag, content, className) {
    var el = document.createElement(tag)
    el.textContent = content
    if (className) el.className = className
    return el
  }

  function formatNumber(v) {
    if (typeof v !== 'number') return v === null || v === undefined ? '—' : String(v)
    if (!isFinite(v)) return '—'
    return Math.abs(v) >= 1000
      ? v.toLocaleString('en', { maximumFractionDigits: 2 })
      : String(Number(v.toPrecision(4)))
  }

  function fieldFor(column) {
    var label = document.createElement('label')
    label.appendChild(document.createTextNode(column.name))
    var input
    if (column.kind === 'categorical' && column.categories.length > 0) {
      input = document.createElement('select')
      input.appendChild(text('option', '(missing)'))
      input.firstChild.value = ''
      column.categories.forEach(function (c) {
        var option = text('option', c)
        option.value = c
        input.appendChild(option)
      })
    } else {
      input = document.createElement('input')
      input.type = column.kind === 'numeric' && column.type !== 'datetime' ? 'number' : 'text'
      if (input.type === 'number') input.step = 'any'
      if (column.type === 'datetime') input.placeholder = '2024-03-01'
    }
    input.name = column.name
    input.setAttribute('aria-label', column.name)
    label.appendChild(input)
    var hint =
      column.min !== null && column.max !== null
        ? 'training range ' + formatNumber(column.min) + ' to ' + formatNumber(column.max)
        : column.kind === 'categorical'
          ? column.categories.length + ' categories seen'
          : ''
    if (hint) label.appendChild(text('small', hint))
    return label
  }

  function fillTypical() {
    predictor.inputSchema.forEach(function (column) {
      var input = $('row-form').elements.namedItem(column.name)
      if (input) input.value = column.typical === null ? '' : String(column.typical)
    })
  }

  function formRecord() {
    var record = {}
    predictor.inputSchema.forEach(function (column) {
      var input = $('row-form').elements.namedItem(column.name)
      record[column.name] = input && input.value !== '' ? input.value : null
    })
    return record
  }

  function problemsList(problems, className) {
    var list = document.createElement('ul')
    list.className = 'problems ' + className
    problems.slice(0, 20).forEach(function (p) {
      list.appendChild(text('li', p.message))
    })
    return list
  }

  function describe(prediction) {
    var names = Object.keys(prediction)
    var main = prediction[names[0]]
    var rest = names.slice(1).map(function (n) {
      return (
        n.replace(/^probability_/, 'P(') +
        (n.indexOf('probability_') === 0 ? ')' : '') +
        ' = ' +
        formatNumber(prediction[n])
      )
    })
    return { main: formatNumber(main), rest: rest.join(' · ') }
  }

  function predictRow() {
    var box = $('row-result')
    box.textContent = 'Scoring…'
    predictor.predict([formRecord()]).then(function (result) {
      box.textContent = ''
      if (!result.ok) {
        box.appendChild(text('div', 'This row cannot be scored:', 'error'))
        box.appendChild(problemsList(result.errors, 'error'))
        return
      }
      var d = describe(result.predictions[0])
      var line = document.createElement('div')
      line.appendChild(document.createTextNode(predictor.recipe.target.column + ': '))
      var strong = text('strong', d.main)
      strong.id = 'row-prediction'
      strong.setAttribute('data-outputs', JSON.stringify(result.outputs[0]))
      line.appendChild(strong)
      box.appendChild(line)
      if (d.rest) box.appendChild(text('div', d.rest))
      if (result.warnings.length > 0) box.appendChild(problemsList(result.warnings, 'warn'))
    })
  }

  function showTable(records, result) {
    var table = $('batch-results')
    table.textContent = ''
    var inputs = predictor.inputSchema.map(function (c) {
      return c.name
    })
    var outputs = predictor.outputColumns
    var head = document.createElement('tr')
    outputs.concat(inputs).forEach(function (name) {
      head.appendChild(text('th', name))
    })
    var thead = document.createElement('thead')
    thead.appendChild(head)
    table.appendChild(thead)
    var body = document.createElement('tbody')
    records.slice(0, MAX_SHOWN).forEach(function (record, i) {
      var tr = document.createElement('tr')
      tr.setAttribute('data-outputs', JSON.stringify(result.outputs[i]))
      outputs.forEach(function (name) {
        var v = result.predictions[i][name]
        tr.appendChild(text('td', formatNumber(v), typeof v === 'number' ? 'num' : ''))
      })
      inputs.forEach(function (name) {
        tr.appendChild(text('td', record[name] === undefined ? '' : String(record[name])))
      })
      body.appendChild(tr)
    })
    table.appendChild(body)
  }

  function scoreBatch() {
    var status = $('batch-status')
    var records = runtime.parseCsv($('batch-input').value)
    status.textContent = 'Scoring ' + records.length + ' rows…'
    predictor.predict(records).then(function (result) {
      status.textContent = ''
      $('download-batch').disabled = true
      if (!result.ok) {
        status.appendChild(text('div', 'These rows cannot be scored:', 'error'))
        status.appendChild(problemsList(result.errors, 'error'))
        return
      }
      lastRows = records.map(function (record, i) {
        var row = {}
        Object.keys(record).forEach(function (k) {
          row[k] = record[k]
        })
        Object.keys(result.predictions[i]).forEach(function (k) {
          row[k] = result.predictions[i][k]
        })
        return row
      })
      status.appendChild(
        text(
          'div',
          'Scored ' +
            records.length +
            ' rows' +
            (records.length > MAX_SHOWN
              ? ' (the first ' + MAX_SHOWN + ' shown; the CSV has all).'
              : '.'),
        ),
      )
      if (result.warnings.length > 0) status.appendChild(problemsList(result.warnings, 'warn'))
      showTable(records, result)
      $('download-batch').disabled = false
    })
  }

  function download() {
    var blob = new Blob([runtime.toCsv(lastRows)], { type: 'text/csv' })
    var a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = 'predictions.csv'
    document.body.appendChild(a)
    a.click()
    a.remove()
  }

  if (!runtime || !bundle) {
    $('subtitle').textContent =
      'model-runtime.js or model-data.js is missing: open predict.html inside the unzipped bundle folder.'
    return
  }
  runtime
    .loadPredictor({
      modelJson: bundle.modelJson,
      weights: runtime.base64ToBytes(bundle.weightsBase64),
      recipe: bundle.recipe,
      inputSchema: bundle.inputSchema,
    })
    .then(function (loaded) {
      predictor = loaded
      var target = loaded.recipe.target
      $('title').textContent = 'Predict ' + target.column
      $('subtitle').textContent =
        target.task +
        ' model trained in Model Studio on ' +
        loaded.recipe.source.name +
        '. Runs in this page only: nothing is sent anywhere.'
      loaded.inputSchema.forEach(function (column) {
        $('row-form').appendChild(fieldFor(column))
      })
      fillTypical()
      $('predict-row').disabled = false
      $('score-batch').disabled = false
      document.body.setAttribute('data-ready', 'true')
    })
    .catch(function (error) {
      $('subtitle').textContent = 'The model could not be loaded: ' + error.message
    })
  $('predict-row').addEventListener('click', predictRow)
  $('reset-row').addEventListener('click', fillTypical)
  $('score-batch').addEventListener('click', scoreBatch)
  $('download-batch').addEventListener('click', download)
  $('batch-file').addEventListener('change', function (event) {
    var file = event.target.files[0]
    if (!file) return
    file.text().then(function (content) {
      $('batch-input').value = content
    })
  })
})()
