/** The one script of a text lesson: progress widgets and the knowledge check, in a single chunk. */
import { wireProgressWidgets } from '../progress/progress-client';
import { enhanceQuizzes } from '../quiz/quiz-client';

wireProgressWidgets();
enhanceQuizzes();
