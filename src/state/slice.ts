import type { StateCreator } from 'zustand'
import type { StudioState } from './studio-store'

/** A slice of the studio store that may read and call the other slices. */
export type Slice<T> = StateCreator<StudioState, [], [], T>
