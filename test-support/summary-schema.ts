// Validates a coverage-summary.json against the published schema
// (schema/coverage-summary-1.schema.json) with Ajv; returns the errors as lines.
import * as ajv2020 from 'ajv/dist/2020.js'
import * as fs from 'node:fs'
import * as path from 'node:path'

interface Validator {
  (data: unknown): boolean
  errors?: Array<{ instancePath: string; message?: string }> | null
}
type AjvClass = new (options: object) => { compile(schema: object): Validator }

const schema = JSON.parse(fs.readFileSync(path.resolve('schema/coverage-summary-1.schema.json'), 'utf8'))
const module = ajv2020 as unknown as { default: AjvClass | { default: AjvClass } }
const Ajv = (typeof module.default === 'function' ? module.default : module.default.default) as AjvClass
const validate = new Ajv({ allErrors: true, strict: true, validateFormats: false }).compile(schema)

export function summarySchemaErrors(json: unknown): string[] {
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}
