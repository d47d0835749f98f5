import { create } from 'zustand'
import { startAutosave } from './autosave'
import { createDataSlice, type DataSlice } from './data-slice'
import { createImageSlice, type ImageSlice } from './image-slice'
import { createImageRecipeSlice, type ImageRecipeSlice } from './image-recipe-slice'
import { createImportSlice, type ImportSlice } from './import-slice'
import { createModelSlice, type ModelSlice } from './model-slice'
import { createNavigationSlice, type NavigationSlice } from './navigation-slice'
import { createProjectSlice, type ProjectSlice } from './project-slice'
import { createRecipeSlice, type RecipeSlice } from './recipe-slice'
import { createResumeSlice, type ResumeSlice } from './resume-slice'
import { createRunsSlice, type RunsSlice } from './runs-slice'
import { createTrainingSlice, type TrainingSlice } from './training-slice'

export type StudioState = DataSlice &
  ImageSlice &
  ImageRecipeSlice &
  RecipeSlice &
  ModelSlice &
  TrainingSlice &
  ResumeSlice &
  RunsSlice &
  ImportSlice &
  NavigationSlice &
  ProjectSlice

/** The one store, composed from typed slices; components read it through narrow selectors. */
export const useStudio = create<StudioState>()((...args) => ({
  ...createDataSlice(...args),
  ...createImageSlice(...args),
  ...createImageRecipeSlice(...args),
  ...createRecipeSlice(...args),
  ...createModelSlice(...args),
  ...createTrainingSlice(...args),
  ...createResumeSlice(...args),
  ...createRunsSlice(...args),
  ...createImportSlice(...args),
  ...createNavigationSlice(...args),
  ...createProjectSlice(...args),
}))

startAutosave(useStudio)
