/** The URL-settings schema of every in-browser example, by example id (content/examples/). */
import {
  activationsSchema,
  digitsSchema,
  gradientDescentSchema,
  linearRegressionSchema,
  logisticExampleSchema,
  lossesSchema,
  mlpSchema,
  parameterUpdateSchema,
  tinyTransformerSchema,
  transferSchema,
  type SettingsSchema,
} from './url-state.ts';

export const exampleSettingsSchemas: Readonly<Record<string, SettingsSchema>> = {
  'linear-regression': linearRegressionSchema,
  'gradient-descent': gradientDescentSchema,
  'mlp-from-scratch': mlpSchema,
  'transfer-learning': transferSchema,
  'loss-functions': lossesSchema,
  'activation-functions': activationsSchema,
  'parameter-update': parameterUpdateSchema,
  'digit-classifier': digitsSchema,
  'logistic-neuron': logisticExampleSchema,
  'tiny-transformer': tinyTransformerSchema,
};
