// 2xx bodies checked against the response schemas the OpenAPI document declares.
import assert from 'node:assert/strict';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import type { Operation } from './operations';

/** Validates 2xx bodies against the response schemas of the document, compiled once each. */
export class ResponseChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats.default(this.ajv);
  }

  check(op: Operation, status: number, answer: LightMyRequestResponse, where: string): void {
    const schema = op.responses[String(status)];
    assert.ok(
      schema,
      `${where}: ${op.method} ${op.path} answered ${status}, which the document does not declare`,
    );
    const key = `${op.method} ${op.path} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    const valid = validate(answer.json());
    assert.ok(
      valid,
      `${where}: ${key} body does not match its schema: ${this.ajv.errorsText(validate.errors)}\n${answer.body.slice(0, 500)}`,
    );
  }
}
