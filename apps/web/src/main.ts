import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { locale } from './i18n';

document.documentElement.lang = locale.value;
createApp(App).use(router).mount('#app');
