import { onnx } from 'onnx-proto'

const { DataType } = onnx.TensorProto
const { AttributeType } = onnx.AttributeProto

/** An attribute as ONNX wants it; numbers are floats unless `ints` names them integers. */
function attribute(name: string, value: unknown, ints: boolean): onnx.IAttributeProto {
  const utf8 = (s: string) => new TextEncoder().encode(s)
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: utf8(value) }
  if (typeof value === 'number')
    return ints
      ? { name, type: AttributeType.INT, i: value }
      : { name, type: AttributeType.FLOAT, f: value }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return { name, type: AttributeType.STRINGS, strings: value.map(utf8) }
  const numbers = value as number[]
  return ints
    ? { name, type: AttributeType.INTS, ints: numbers }
    : { name, type: AttributeType.FLOATS, floats: numbers }
}

/**
 * A small ONNX graph builder: nodes in order, float and int64 constants as initializers, and
 * names made unique. What the exporter writes is then a plain list of operations.
 */
export class GraphBuilder {
  readonly nodes: onnx.INodeProto[] = []
  readonly initializers: onnx.ITensorProto[] = []
  private count = 0

  fresh(hint: string): string {
    this.count++
    return `${hint.replace(/[^\w]+/g, '_').slice(0, 40)}_${this.count}`
  }

  /** Adds a node; `intAttributes` lists the attributes that are integers. Returns its output. */
  op(
    type: string,
    inputs: readonly string[],
    attributes: Record<string, unknown> = {},
    options: { domain?: string; intAttributes?: readonly string[]; output?: string } = {},
  ): string {
    const output = options.output ?? this.fresh(type)
    const ints = new Set(options.intAttributes ?? [])
    this.nodes.push({
      opType: type,
      domain: options.domain ?? '',
      input: [...inputs],
      output: [output],
      name: this.fresh(`n_${type}`),
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v, ints.has(k))),
    })
    return output
  }

  /** A float32 constant of the given shape. */
  floats(values: ArrayLike<number>, dims: readonly number[], hint = 'const'): string {
    const name = this.fresh(hint)
    this.initializers.push({
      name,
      dataType: DataType.FLOAT,
      dims: [...dims],
      rawData: new Uint8Array(Float32Array.from(values).buffer),
    })
    return name
  }

  scalar(value: number): string {
    return this.floats([value], [])
  }

  int64s(values: readonly number[], hint = 'shape'): string {
    const name = this.fresh(hint)
    this.initializers.push({
      name,
      dataType: DataType.INT64,
      dims: [values.length],
      rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer),
    })
    return name
  }
}

export function tensorInput(
  name: string,
  type: 'float' | 'string',
  width: number | string,
): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: type === 'float' ? DataType.FLOAT : DataType.STRING,
        shape: {
          dim: [
            { dimParam: 'rows' },
            typeof width === 'number' ? { dimValue: width } : { dimParam: width },
          ],
        },
      },
    },
  }
}

export function encodeModel(
  builder: GraphBuilder,
  inputs: onnx.IValueInfoProto[],
  outputs: onnx.IValueInfoProto[],
  docString: string,
): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'Model Studio',
    producerVersion: '1',
    docString,
    opsetImport: [
      { domain: '', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ],
    graph: {
      name: 'model_studio',
      node: builder.nodes,
      initializer: builder.initializers,
      input: inputs,
      output: outputs,
    },
  })
  return onnx.ModelProto.encode(model).finish()
}
