// The instant formula examples of article 004 §4 (Activations.astro renders one of them per section).
import './loss-playground.ts';
import './activation-playground.ts';
import './update-playground.ts';
