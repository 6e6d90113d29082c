import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';
import './access.css';

createRoot(document.getElementById('root')!).render(<App />);
