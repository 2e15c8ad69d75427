/**
 * Inputs the articles give for their worked examples. Only inputs live here: every
 * result shown on the site is computed from them.
 */

/** Article 000 §4.3 (the data table at l.245–252) and §5.2 (the TF 1.x script). */
export const ARTICLE_000_POINTS = { x: [2, 4, 6, 8], y: [4, 5, 7, 9] } as const;

/**
 * Article 003 §4.3.2 (the logistic-regression example): θ1 = 1, b = 0.5, input x = (1, 0), labels
 * y ∈ {0, 1}. θ2 is not given; it does not matter because x2 = 0, and 0 is used. The article gives
 * no learning rate α (E003-10); the example's default 0.1 is the errata's choice, not the article's.
 */
export const ARTICLE_003_LOGISTIC = { theta: [1, 0], b: 0.5, x: [1, 0], labels: [1, 0] } as const;

/**
 * Article 004 §4 (seed l.198–301): the inputs of its worked examples — the MSE sample vectors
 * (§4.1), the binary labels of the cross-entropy example (§4.1; the article leaves the
 * probabilities symbolic), the inputs of the activation examples (§4.2), and the parameter
 * update θ − α∇J (§4.3).
 */
export const ARTICLE_004_MSE = { yTrue: [3, 2, 5, 4, 6], yPred: [3.1, 1.9, 5.2, 4.1, 6.1] } as const;
export const ARTICLE_004_BCE_LABELS = [1, 0, 1, 0, 1] as const;
export const ARTICLE_004_ACTIVATION_INPUTS = { sigmoid: [2], relu: [-2, 2], relu6: [-2, 8] } as const;
export const ARTICLE_004_UPDATE = { theta: [1, 2, 3], grad: [0.1, 0.2, 0.3], lr: 0.05 } as const;
/** Article 004 §5.2: `model.fit(x_train, y_train, epochs=5)` with Keras' default batch size 32. */
export const ARTICLE_004_MNIST = { epochs: 5, batchSize: 32 } as const;
