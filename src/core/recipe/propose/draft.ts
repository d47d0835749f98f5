import type { Step, StepOf, StepOp } from '../step-schema'

/** Omit over each member of a union, so a step without its id is still a step of one op. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** A step as proposed: the id and the switch are given when it joins the list. */
export type StepDraft = DistributiveOmit<Step, 'id' | 'enabled'>

/** A proposed step of one op. */
export type Draft<O extends StepOp> = Omit<StepOf<O>, 'id' | 'enabled'>
