/** Injection tokens of the platform's ports (interfaces have no runtime value to inject by). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_DB = Symbol('READ_DB');
export const JOB_QUEUE = Symbol('JOB_QUEUE');
