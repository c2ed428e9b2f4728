// Entry point: mounts the window's root component.
import { mount } from 'svelte';
import App from './App.svelte';
import './fonts.css';
import './app.css';

const app = mount(App, { target: document.getElementById('app')! });

export default app;
